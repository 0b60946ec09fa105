using System.Globalization;

namespace AgriLink.Domain;

/// <summary>
/// An amount of renminbi in integer fen (分). Arithmetic is checked, so an overflow throws instead of
/// wrapping into a wrong balance; decimal yuan exists only at the edges (input and display).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Money")]
public readonly record struct Money([property: Id(0)] long Fen) : IComparable<Money>
{
    private const int FenPerYuan = 100;

    public static Money Zero => default;

    public decimal Yuan => Fen / (decimal)FenPerYuan;

    public static Money FromFen(long fen) => new(fen);

    /// <exception cref="ArgumentException">The amount has fractions of a fen.</exception>
    /// <exception cref="OverflowException">The amount does not fit in a long of fen.</exception>
    public static Money FromYuan(decimal yuan)
    {
        var fen = yuan * FenPerYuan;
        if (fen != decimal.Truncate(fen))
            throw new ArgumentException($"{yuan} yuan has more than 2 decimal places; money is kept in whole fen.", nameof(yuan));
        return new((long)fen);
    }

    public static Money Parse(string text) =>
        TryParse(text, out var money)
            ? money
            : throw new FormatException($"'{text}' is not an amount of yuan such as 12, 12.34, ¥1,234.50 or 1234.5元.");

    /// <summary>
    /// Reads yuan as people write them: an optional sign, an optional ¥/￥ before or 元 after,
    /// thousands separators in groups of three, and at most two decimals (fen).
    /// </summary>
    public static bool TryParse(string? text, out Money money)
    {
        money = Zero;
        if (text is null) return false;
        var s = text.AsSpan().Trim();
        var negative = TakeSign(ref s);
        if (s.Length > 0 && s[0] is '¥' or '￥') s = s[1..];
        if (!negative) negative = TakeSign(ref s);
        if (s.Length > 0 && s[^1] == '元') s = s[..^1];
        if (!DecimalText.TryReadScaled(s, decimals: 2, allowGrouping: true, out var magnitude)) return false;

        var limit = negative ? (UInt128)long.MaxValue + 1 : long.MaxValue;
        if (magnitude > limit) return false;
        money = new(negative ? (long)-(Int128)magnitude : (long)magnitude);
        return true;
    }

    private static bool TakeSign(ref ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || s[0] != '-') return false;
        s = s[1..];
        return true;
    }

    /// <summary>Display form with the yuan sign and grouping, e.g. <c>¥1,234.50</c> or <c>-¥5.00</c>.</summary>
    public override string ToString() => Format(grouped: true);

    /// <summary>Plain invariant form for files and forms, e.g. <c>1234.50</c>.</summary>
    public string ToYuanString() => Format(grouped: false);

    private string Format(bool grouped)
    {
        // Widen before taking the magnitude: -long.MinValue does not fit in a long.
        var magnitude = (ulong)Int128.Abs(Fen);
        var yuan = (magnitude / FenPerYuan).ToString(grouped ? "N0" : "D", CultureInfo.InvariantCulture);
        var fen = (magnitude % FenPerYuan).ToString("D2", CultureInfo.InvariantCulture);
        return $"{(Fen < 0 ? "-" : "")}{(grouped ? "¥" : "")}{yuan}.{fen}";
    }

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));
    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));
    public static Money operator -(Money a) => new(checked(-a.Fen));
    public static Money operator *(Money a, long factor) => new(checked(a.Fen * factor));
    public static Money operator *(long factor, Money a) => a * factor;
    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;
    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;
    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;
    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    public static Money Sum(IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = Zero;
        foreach (var amount in amounts) total += amount;
        return total;
    }

    /// <summary>
    /// Splits <paramref name="total"/> in proportion to <paramref name="weights"/> so the parts sum to it
    /// exactly: each part gets its floored share, then the leftover fen go one each to the largest
    /// remainders, lower index first on ties. A negative total is split as its magnitude, then negated.
    /// </summary>
    /// <exception cref="ArgumentException">A weight is negative, or the weights sum to zero.</exception>
    public static Money[] Allocate(Money total, IReadOnlyList<long> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Int128 weightSum = 0;
        foreach (var weight in weights)
        {
            if (weight < 0) throw new ArgumentException("Allocation weights must not be negative.", nameof(weights));
            weightSum += weight;
        }
        if (weightSum == 0) throw new ArgumentException("Allocation weights must have a positive sum.", nameof(weights));

        // |total| ≤ 2^63 and each weight < 2^63, so every product fits in an Int128.
        var magnitude = Int128.Abs(total.Fen);
        var shares = new Int128[weights.Count];
        var remainders = new Int128[weights.Count];
        var leftover = magnitude;
        for (var i = 0; i < shares.Length; i++)
        {
            (shares[i], remainders[i]) = Int128.DivRem(magnitude * weights[i], weightSum);
            leftover -= shares[i];
        }

        var order = Enumerable.Range(0, shares.Length)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i);
        foreach (var i in order.Take((int)leftover)) shares[i]++;

        var sign = total.Fen < 0 ? -1 : 1;
        return Array.ConvertAll(shares, share => new Money(checked((long)(sign * share))));
    }
}

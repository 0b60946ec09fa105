using System.Globalization;

namespace AgriLink.Domain.Quantities;

/// <summary>
/// An amount of some <see cref="Unit"/> in thousandths of it (2.5 公斤 is Milli 2500), so stock and
/// orders add up exactly; mass converts between units only when the result is exact.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Quantity")]
public readonly record struct Quantity([property: Id(0)] long Milli, [property: Id(1)] Unit Unit)
    : IComparable<Quantity>
{
    private const int MilliPerUnit = 1000;

    public decimal Amount => Milli / (decimal)MilliPerUnit;

    /// <exception cref="ArgumentException">The amount has more than 3 decimal places.</exception>
    /// <exception cref="OverflowException">The amount is too large.</exception>
    public static Quantity Of(decimal amount, Unit unit)
    {
        var milli = amount * MilliPerUnit;
        if (milli != decimal.Truncate(milli))
            throw new ArgumentException($"{amount} has more than 3 decimal places.", nameof(amount));
        return new((long)milli, unit);
    }

    /// <summary>Reads an amount followed by a unit, with or without a space: "2.5公斤", "500 斤", "3箱", "1.2 kg".</summary>
    public static bool TryParse(string? text, out Quantity quantity)
    {
        quantity = default;
        var s = (text ?? "").AsSpan().Trim();
        var negative = s.StartsWith("-");
        if (negative) s = s[1..];
        var numberLength = s.IndexOfAnyExcept("0123456789.");
        if (numberLength <= 0) return false;
        if (!Units.TryParse(s[numberLength..].ToString(), out var unit)) return false;
        if (!DecimalText.TryReadScaled(s[..numberLength], decimals: 3, allowGrouping: false, out var magnitude)) return false;
        if (magnitude > (negative ? (UInt128)long.MaxValue + 1 : long.MaxValue)) return false;
        quantity = new(negative ? (long)-(Int128)magnitude : (long)magnitude, unit);
        return true;
    }

    /// <summary>Converts between mass units; fails for count units or when the result needs finer than 1/1000.</summary>
    public bool TryConvertTo(Unit target, out Quantity result)
    {
        result = default;
        if (target == Unit)
        {
            result = this;
            return true;
        }
        if (!Units.IsMass(Unit) || !Units.IsMass(target)) return false;
        var (converted, remainder) = Int128.DivRem((Int128)Milli * Units.GramsPer(Unit), Units.GramsPer(target));
        if (remainder != 0 || converted > long.MaxValue || converted < long.MinValue) return false;
        result = new((long)converted, target);
        return true;
    }

    /// <exception cref="ArgumentException">The units differ; convert first.</exception>
    public int CompareTo(Quantity other) => Milli.CompareTo(SameUnit(this, other).Milli);

    public override string ToString()
    {
        var magnitude = (ulong)Int128.Abs(Milli);
        var fraction = (magnitude % MilliPerUnit).ToString("D3", CultureInfo.InvariantCulture).TrimEnd('0');
        var name = Enum.IsDefined(Unit) ? Units.ChineseName(Unit) : Unit.ToString();
        return $"{(Milli < 0 ? "-" : "")}{magnitude / MilliPerUnit}{(fraction.Length > 0 ? "." + fraction : "")}{name}";
    }

    public static Quantity operator +(Quantity a, Quantity b) => new(checked(a.Milli + SameUnit(a, b).Milli), a.Unit);
    public static Quantity operator -(Quantity a, Quantity b) => new(checked(a.Milli - SameUnit(a, b).Milli), a.Unit);
    public static bool operator <(Quantity a, Quantity b) => a.CompareTo(b) < 0;
    public static bool operator >(Quantity a, Quantity b) => a.CompareTo(b) > 0;
    public static bool operator <=(Quantity a, Quantity b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Quantity a, Quantity b) => a.CompareTo(b) >= 0;

    private static Quantity SameUnit(Quantity a, Quantity b) =>
        a.Unit == b.Unit ? b : throw new ArgumentException($"Cannot combine {a.Unit} with {b.Unit}; convert to one unit first.", nameof(b));
}

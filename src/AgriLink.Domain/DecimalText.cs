namespace AgriLink.Domain;

/// <summary>
/// Reads unsigned decimal text straight into a scaled integer (e.g. yuan → fen), so parsing money or
/// quantities never rounds through <c>double</c> and never throws on hostile input.
/// </summary>
internal static class DecimalText
{
    // Far above any long once scaled, yet small enough that scaling cannot overflow UInt128.
    private static readonly UInt128 IntegerLimit = UInt128.Parse("10000000000000000000000000");

    /// <summary>
    /// Accepts <c>123</c>, <c>123.4</c>, and with <paramref name="allowGrouping"/> <c>1,234.5</c> (groups of
    /// exactly three); rejects more than <paramref name="decimals"/> fraction digits and anything else.
    /// </summary>
    public static bool TryReadScaled(ReadOnlySpan<char> s, int decimals, bool allowGrouping, out UInt128 scaled)
    {
        scaled = 0;
        var dot = s.IndexOf('.');
        var whole = dot < 0 ? s : s[..dot];
        var fraction = dot < 0 ? [] : s[(dot + 1)..];
        if (dot >= 0 && (fraction.Length == 0 || fraction.Length > decimals)) return false;
        if (!TryReadWhole(whole, allowGrouping, out var value)) return false;

        for (var i = 0; i < decimals; i++)
        {
            var digit = 0;
            if (i < fraction.Length)
            {
                if (!char.IsAsciiDigit(fraction[i])) return false;
                digit = fraction[i] - '0';
            }
            value = value * 10 + (uint)digit;
        }
        scaled = value;
        return true;
    }

    private static bool TryReadWhole(ReadOnlySpan<char> s, bool allowGrouping, out UInt128 value)
    {
        value = 0;
        if (s.Length == 0) return false;
        var grouped = allowGrouping && s.Contains(',');
        var groupsClosed = 0;
        var digitsInGroup = 0;
        foreach (var c in s)
        {
            if (c == ',' && grouped)
            {
                // The leading group may be short (1,234); every later group is exactly three digits.
                if (digitsInGroup == 0 || digitsInGroup > 3 || (groupsClosed > 0 && digitsInGroup != 3)) return false;
                groupsClosed++;
                digitsInGroup = 0;
                continue;
            }
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (uint)(c - '0');
            if (value >= IntegerLimit) return false;
            digitsInGroup++;
        }
        return !grouped || digitsInGroup == 3;
    }
}

namespace AgriLink.Domain.Codes;

/// <summary>
/// A mainland phone number in one canonical form: mobiles as 11 digits (<c>13812345678</c>), landlines
/// as area code, dash, local number (<c>0851-12345678</c>). The constructor accepts anything
/// <see cref="TryParse"/> does and stores the canonical form, so equal numbers compare equal.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.PhoneNumber")]
public readonly record struct PhoneNumber(string Value)
{
    /// <exception cref="ArgumentException">The text is not a mainland mobile or landline number.</exception>
    [Id(0)]
    public string Value { get; } = Normalize(Value) ?? throw new ArgumentException(Problem(Value), nameof(Value));

    public bool IsMobile => Value is not null && Value[0] == '1';

    /// <summary>The number with its middle hidden, for showing someone else's contact (138****5678, 0851-****5678).</summary>
    public string Masked
    {
        get
        {
            if (Value is null) return "";
            var dash = Value.IndexOf('-');
            var start = IsMobile ? 3 : dash + 1;
            return string.Concat(Value.AsSpan(0, start), new string('*', Value.Length - 4 - start), Value.AsSpan(Value.Length - 4));
        }
    }

    public static bool TryParse(string? text, out PhoneNumber number)
    {
        var value = Normalize(text);
        number = value is null ? default : new(value);
        return value is not null;
    }

    public static PhoneNumber Parse(string text) =>
        Normalize(text) is { } value ? new(value) : throw new FormatException(Problem(text));

    public override string ToString() => Value ?? "";

    private static string? Normalize(string? text)
    {
        if (text is null) return null;
        var digits = text.Trim();
        if (digits.StartsWith('+')) digits = digits.StartsWith("+86", StringComparison.Ordinal) ? digits[3..] : "";
        digits = digits.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length == 0 || digits.AsSpan().ContainsAnyExceptInRange('0', '9')) return null;

        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        if (digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9') return digits;
        if (digits[0] != '0') return null;

        // Beijing (010) and the 02x cities have 3-digit area codes; every other area code has 4, so the
        // split is known even when the dash was left out.
        var areaLength = digits.StartsWith("010", StringComparison.Ordinal) || digits.StartsWith("02", StringComparison.Ordinal) ? 3 : 4;
        var local = digits.Length - areaLength;
        return local is 7 or 8 ? $"{digits[..areaLength]}-{digits[areaLength..]}" : null;
    }

    private static string Problem(string? text) =>
        $"'{text}' is not a mainland phone number (a mobile such as 13812345678, or a landline with area code such as 0851-12345678).";
}

namespace AgriLink.Domain.Codes;

/// <summary>
/// A GB/T 2260 administrative division code: two digits of province, two of prefecture, two of
/// county, with trailing "00" pairs for the higher levels (520000 贵州省, 520100 贵阳市, 520123 修文县).
/// The constructor validates, so a value of this type always has six digits (except <c>default</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.AdministrativeCode")]
public readonly record struct AdministrativeCode(string Value)
{
    /// <exception cref="ArgumentException">The text is not six digits.</exception>
    [Id(0)]
    public string Value { get; } = Normalize(Value) ?? throw new ArgumentException(Problem(Value), nameof(Value));

    public string ProvinceCode => Value is null ? "" : Value[..2] + "0000";

    public string PrefectureCode => Value is null ? "" : Value[..4] + "00";

    public bool IsProvince => Value is not null && Value.EndsWith("0000", StringComparison.Ordinal);

    public bool IsPrefecture => Value is not null && !IsProvince && Value.EndsWith("00", StringComparison.Ordinal);

    public bool IsCounty => Value is not null && !Value.EndsWith("00", StringComparison.Ordinal);

    public static bool TryParse(string? text, out AdministrativeCode code)
    {
        var value = Normalize(text);
        code = value is null ? default : new(value);
        return value is not null;
    }

    public static AdministrativeCode Parse(string text) =>
        Normalize(text) is { } value ? new(value) : throw new FormatException(Problem(text));

    public override string ToString() => Value ?? "";

    private static string? Normalize(string? text)
    {
        var value = text?.Trim();
        // 00 is no province, so "000000" or "001234" cannot be a real division.
        return value is { Length: 6 } && !value.AsSpan().ContainsAnyExceptInRange('0', '9') && !value.StartsWith("00", StringComparison.Ordinal)
            ? value
            : null;
    }

    private static string Problem(string? text) =>
        $"'{text}' is not an administrative division code (GB/T 2260: six digits, e.g. 520123).";
}

namespace AgriLink.Domain.Codes;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters, the 3rd–8th being the registering administrative
/// division and the last a mod-31 check character. The constructor normalises and validates, so a
/// value of this type is always a well-formed code (except <c>default</c>, whose Value is null).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.UnifiedSocialCreditCode")]
public readonly record struct UnifiedSocialCreditCode(string Value)
{
    // The 31 characters the standard allows: digits and capitals without I, O, S, V, Z.
    private const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private const int Length = 18;

    /// <exception cref="ArgumentException">The text is not a valid code.</exception>
    [Id(0)]
    public string Value { get; } = Normalize(Value, out var error) ?? throw new ArgumentException(error, nameof(Value));

    /// <summary>The administrative division (GB/T 2260) where the organisation registered.</summary>
    public string DivisionCode => Value is null ? "" : Value.Substring(2, 6);

    public static bool TryParse(string? text, out UnifiedSocialCreditCode code)
    {
        var value = Normalize(text, out _);
        code = value is null ? default : new(value);
        return value is not null;
    }

    public static UnifiedSocialCreditCode Parse(string text) =>
        Normalize(text, out var error) is { } value ? new(value) : throw new FormatException(error);

    /// <exception cref="ArgumentException">The text is not 17 characters from the code's charset.</exception>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1)
            throw new ArgumentException($"Expected the first 17 characters of a credit code, got {first17.Length}.", nameof(first17));
        var sum = 0;
        var weight = 1;
        foreach (var c in first17.ToUpperInvariant())
        {
            var index = Charset.IndexOf(c);
            if (index < 0) throw new ArgumentException($"'{c}' is not allowed in a credit code.", nameof(first17));
            sum += index * weight;
            weight = weight * 3 % 31;
        }
        return Charset[(31 - sum % 31) % 31];
    }

    /// <summary>Completes 17 characters into a valid code, e.g. for demo data.</summary>
    public static string WithCheckCharacter(string first17) => first17.ToUpperInvariant() + ComputeCheckCharacter(first17);

    public override string ToString() => Value ?? "";

    private static string? Normalize(string? text, out string error)
    {
        var value = text?.Trim().ToUpperInvariant() ?? "";
        error = $"'{text}' is not a unified social credit code: ";
        if (value.Length != Length)
            error += $"it must be {Length} characters, not {value.Length}.";
        else if (value.FirstOrDefault(c => !Charset.Contains(c)) is var bad and not '\0')
            error += $"'{bad}' is not allowed (only digits and capitals except I, O, S, V, Z).";
        else if (value.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
            error += "characters 3 to 8 must be the digits of an administrative division code.";
        else if (ComputeCheckCharacter(value[..^1]) != value[^1])
            error += "the check character (last) does not match; a character is probably mistyped.";
        else
            return value;
        return null;
    }
}

using AgriLink.Domain.Codes;

namespace AgriLink.Domain.Errors;

/// <summary>Field checks for the codes the platform knows, so every aggregate words them the same way.</summary>
public static class ValidatorExtensions
{
    public static Validator CreditCode(this Validator v, string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value)) return required ? v.Add(field, "is required.") : v;
        return v.Check(UnifiedSocialCreditCode.TryParse(value, out _), field,
            "is not a valid unified social credit code (GB 32100-2015: 18 characters with a correct check character).");
    }

    public static Validator County(this Validator v, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return v.Add(field, "is required.");
        return v.Check(AdministrativeCode.TryParse(value, out var code) && code.IsCounty, field,
            "must be a county-level administrative code (GB/T 2260, 6 digits).");
    }

    public static Validator Region(this Validator v, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return v.Add(field, "is required.");
        return v.Check(AdministrativeCode.TryParse(value, out _) && Regions.ProvinceName(value) is not null, field,
            "must be an administrative code (GB/T 2260, 6 digits) in a known province.");
    }

    public static Validator Phone(this Validator v, string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value)) return required ? v.Add(field, "is required.") : v;
        return v.Check(PhoneNumber.TryParse(value, out _), field,
            "must be a mainland mobile (11 digits) or a landline with area code, e.g. 0851-12345678.");
    }
}

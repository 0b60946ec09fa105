using AgriLink.Domain.Codes;
using AgriLink.Domain.Quantities;

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

    /// <summary>
    /// An amount of a counted unit (箱, 件, 袋, 瓶, 盒, 只) is a whole number; mass keeps its 3 decimals (checked with the
    /// field's range). Orders, stock, minimum orders and demands all say so in the same words.
    /// </summary>
    public static Validator AmountOf(this Validator v, string field, decimal value, Unit unit) =>
        v.Check(!Enum.IsDefined(unit) || Units.Fits(value, unit), field,
            "must be a whole number: boxes, pieces, bags, bottles, cartons and head are counted, not weighed.");

    /// <summary>The earliest and latest dates any date field takes: a window that refuses 0001-01-01 and 9999-12-31.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>A date someone means: within [<see cref="EarliestDate"/>, <see cref="LatestDate"/>] (null passes).</summary>
    public static Validator PlausibleDate(this Validator v, string field, DateOnly? value) =>
        v.Date(field, value, EarliestDate, LatestDate);

    /// <summary>How far back from today a harvest (or production) date may lie, and how far ahead a pre-sale's harvest (<see cref="Listings.ListingDraft"/>).</summary>
    public const int HarvestYearsBack = 10;
    public const int HarvestYearsAhead = 2;

    public static Validator County(this Validator v, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return v.Add(field, "is required.");
        return v.Check(AdministrativeCode.TryParse(value, out var code) && code.IsCounty, field,
            "must be a county-level administrative code (GB/T 2260, 6 digits).");
    }

    /// <summary>A village's 12-digit statistical division code (统计用区划代码) inside the county; optional where <paramref name="required"/> is false.</summary>
    public static Validator VillageCode(this Validator v, string field, string? value, string? countyCode, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value)) return required ? v.Add(field, "is required.") : v;
        if (!AreaCode.IsVillage(value)) return v.Add(field, "must be a village's 12-digit statistical division code (统计用区划代码).");
        return v.Check(countyCode is null || value.StartsWith(countyCode, StringComparison.Ordinal), field, "must lie in the county (begin with its code).");
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

using AgriLink.Domain.Codes;
using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Listings;

/// <summary>
/// Where a listing delivers: GB/T 2260 codes of provinces, prefectures or counties. A province or prefecture
/// covers every division below it. No areas means the listing delivers nationwide.
/// </summary>
public static class DeliveryAreas
{
    public const int MaxAreas = 100;

    public static Validator DeliveryAreaCodes(this Validator v, string field, IReadOnlyList<string>? areas)
    {
        if (areas is null) return v;
        if (areas.Count > MaxAreas) return v.Add(field, $"must list at most {MaxAreas} areas.");
        foreach (var area in areas)
        {
            if (!IsKnown(area)) return v.Add(field, $"'{area}' is not a known province, prefecture or county code (GB/T 2260).");
        }
        return v;
    }

    /// <summary>Whether a listing delivering to <paramref name="areas"/> delivers to the division <paramref name="regionCode"/>.</summary>
    public static bool Covers(IReadOnlyList<string>? areas, string regionCode)
    {
        if (areas is null || areas.Count == 0) return true;
        if (!AdministrativeCode.TryParse(regionCode, out var target)) return false;
        return areas.Any(a => AdministrativeCode.TryParse(a, out var area) && (
            area.Value == target.Value ||
            (area.IsProvince && area.ProvinceCode == target.ProvinceCode) ||
            (area.IsPrefecture && !target.IsProvince && area.PrefectureCode == target.PrefectureCode)));
    }

    public static IReadOnlyList<string>? Normalized(IReadOnlyList<string>? areas) =>
        areas is null || areas.Count == 0 ? null : areas.Select(a => a.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Guizhou's county-level codes are checked by name; elsewhere the province must be known.</summary>
    private static bool IsKnown(string? text)
    {
        if (!AdministrativeCode.TryParse(text, out var code) || Regions.ProvinceName(code.Value) is null) return false;
        return !code.IsCounty || code.ProvinceCode != "520000" || Regions.IsKnownCounty(code.Value);
    }
}

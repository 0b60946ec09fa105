using AgriLink.Domain.Codes;

namespace AgriLink.Domain.Matching;

/// <summary>
/// East-west cooperation pairs (东西部协作结对) the matching favours. Since the 2021 adjustment Guangdong as a whole assists
/// Guizhou (and Guangxi); at city level Guangzhou is paired with 毕节市 and 黔南州. Sources: 广东省党政代表团赴桂黔对接
/// 东西部协作 (April 2021 reports), 粤黔结对城市"十四五"东西部协作协议 (guizhou.gov.cn, 2021-09-28), 广州日报 2025-09-10.
/// Only pairs with Guizhou are listed because only Guizhou produce is on the platform; other Guangdong cities' pairs are
/// not encoded (assumption: a Guangdong buyer outside Guangzhou gets the province-level preference only).
/// </summary>
public static class EastWestPairing
{
    /// <summary>Eastern prefecture (GB/T 2260) → the western prefectures it is paired with.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Cities = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["440100"] = ["520500", "522700"], // 广州市 → 毕节市, 黔南布依族苗族自治州
    };

    /// <summary>Eastern province → western provinces (province codes).</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Provinces = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["440000"] = ["520000", "450000"], // 广东省 → 贵州省, 广西壮族自治区
    };

    private static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["440100"] = "广州市", ["520500"] = "毕节市", ["522700"] = "黔南州",
    };

    /// <summary>How the buyer's delivery region and the listing's county are paired, if at all.</summary>
    public static PairingLevel Between(string buyerRegionCode, string listingCountyCode)
    {
        if (!AdministrativeCode.TryParse(buyerRegionCode, out var east) || !AdministrativeCode.TryParse(listingCountyCode, out var west))
            return PairingLevel.None;
        if (!east.IsProvince && Cities.TryGetValue(east.PrefectureCode, out var cities) && cities.Contains(west.PrefectureCode))
            return PairingLevel.City;
        return Provinces.TryGetValue(east.ProvinceCode, out var provinces) && provinces.Contains(west.ProvinceCode)
            ? PairingLevel.Province
            : PairingLevel.None;
    }

    /// <summary>A short zh-CN name for a province or prefecture code in the table (the province's full name otherwise).</summary>
    public static string NameOf(string code) =>
        Names.TryGetValue(code, out var name) ? name : Regions.ProvinceName(code) ?? code;
}

using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace AgriLink.Domain.Codes;

/// <summary>
/// The administrative divisions the platform knows by name: the 31 province-level divisions and every
/// county-level division of Guizhou. Codes and names follow GB/T 2260 as amended to 2021 (水城区,
/// 黔西市, 兴仁市, 盘州市); deep-poverty marks follow Guizhou's 2017 list of 16 深度贫困县.
/// </summary>
public static class Regions
{
    public static IReadOnlyList<County> Guizhou { get; } =
    [
        // 贵阳市
        C("520102", "南明区", "贵阳市"),
        C("520103", "云岩区", "贵阳市"),
        C("520111", "花溪区", "贵阳市"),
        C("520112", "乌当区", "贵阳市"),
        C("520113", "白云区", "贵阳市"),
        C("520115", "观山湖区", "贵阳市"),
        C("520121", "开阳县", "贵阳市"),
        C("520122", "息烽县", "贵阳市"),
        C("520123", "修文县", "贵阳市"),
        C("520181", "清镇市", "贵阳市"),
        // 六盘水市
        C("520201", "钟山区", "六盘水市"),
        C("520203", "六枝特区", "六盘水市"),
        C("520204", "水城区", "六盘水市", deep: true),
        C("520281", "盘州市", "六盘水市"),
        // 遵义市
        C("520302", "红花岗区", "遵义市"),
        C("520303", "汇川区", "遵义市"),
        C("520304", "播州区", "遵义市"),
        C("520322", "桐梓县", "遵义市"),
        C("520323", "绥阳县", "遵义市"),
        C("520324", "正安县", "遵义市", deep: true),
        C("520325", "道真仡佬族苗族自治县", "遵义市"),
        C("520326", "务川仡佬族苗族自治县", "遵义市", deep: true),
        C("520327", "凤冈县", "遵义市"),
        C("520328", "湄潭县", "遵义市"),
        C("520329", "余庆县", "遵义市"),
        C("520330", "习水县", "遵义市"),
        C("520381", "赤水市", "遵义市"),
        C("520382", "仁怀市", "遵义市"),
        // 安顺市
        C("520402", "西秀区", "安顺市"),
        C("520403", "平坝区", "安顺市"),
        C("520422", "普定县", "安顺市"),
        C("520423", "镇宁布依族苗族自治县", "安顺市"),
        C("520424", "关岭布依族苗族自治县", "安顺市"),
        C("520425", "紫云苗族布依族自治县", "安顺市", deep: true),
        // 毕节市
        C("520502", "七星关区", "毕节市"),
        C("520521", "大方县", "毕节市"),
        C("520523", "金沙县", "毕节市"),
        C("520524", "织金县", "毕节市"),
        C("520525", "纳雍县", "毕节市", deep: true),
        C("520526", "威宁彝族回族苗族自治县", "毕节市", deep: true),
        C("520527", "赫章县", "毕节市", deep: true),
        C("520581", "黔西市", "毕节市"),
        // 铜仁市
        C("520602", "碧江区", "铜仁市"),
        C("520603", "万山区", "铜仁市"),
        C("520621", "江口县", "铜仁市"),
        C("520622", "玉屏侗族自治县", "铜仁市"),
        C("520623", "石阡县", "铜仁市"),
        C("520624", "思南县", "铜仁市"),
        C("520625", "印江土家族苗族自治县", "铜仁市"),
        C("520626", "德江县", "铜仁市"),
        C("520627", "沿河土家族自治县", "铜仁市", deep: true),
        C("520628", "松桃苗族自治县", "铜仁市"),
        // 黔西南布依族苗族自治州
        C("522301", "兴义市", "黔西南布依族苗族自治州"),
        C("522302", "兴仁市", "黔西南布依族苗族自治州"),
        C("522323", "普安县", "黔西南布依族苗族自治州"),
        C("522324", "晴隆县", "黔西南布依族苗族自治州", deep: true),
        C("522325", "贞丰县", "黔西南布依族苗族自治州"),
        C("522326", "望谟县", "黔西南布依族苗族自治州", deep: true),
        C("522327", "册亨县", "黔西南布依族苗族自治州", deep: true),
        C("522328", "安龙县", "黔西南布依族苗族自治州"),
        // 黔东南苗族侗族自治州
        C("522601", "凯里市", "黔东南苗族侗族自治州"),
        C("522622", "黄平县", "黔东南苗族侗族自治州"),
        C("522623", "施秉县", "黔东南苗族侗族自治州"),
        C("522624", "三穗县", "黔东南苗族侗族自治州"),
        C("522625", "镇远县", "黔东南苗族侗族自治州"),
        C("522626", "岑巩县", "黔东南苗族侗族自治州"),
        C("522627", "天柱县", "黔东南苗族侗族自治州"),
        C("522628", "锦屏县", "黔东南苗族侗族自治州"),
        C("522629", "剑河县", "黔东南苗族侗族自治州", deep: true),
        C("522630", "台江县", "黔东南苗族侗族自治州"),
        C("522631", "黎平县", "黔东南苗族侗族自治州"),
        C("522632", "榕江县", "黔东南苗族侗族自治州", deep: true),
        C("522633", "从江县", "黔东南苗族侗族自治州", deep: true),
        C("522634", "雷山县", "黔东南苗族侗族自治州"),
        C("522635", "麻江县", "黔东南苗族侗族自治州"),
        C("522636", "丹寨县", "黔东南苗族侗族自治州"),
        // 黔南布依族苗族自治州
        C("522701", "都匀市", "黔南布依族苗族自治州"),
        C("522702", "福泉市", "黔南布依族苗族自治州"),
        C("522722", "荔波县", "黔南布依族苗族自治州"),
        C("522723", "贵定县", "黔南布依族苗族自治州"),
        C("522725", "瓮安县", "黔南布依族苗族自治州"),
        C("522726", "独山县", "黔南布依族苗族自治州"),
        C("522727", "平塘县", "黔南布依族苗族自治州"),
        C("522728", "罗甸县", "黔南布依族苗族自治州", deep: true),
        C("522729", "长顺县", "黔南布依族苗族自治州"),
        C("522730", "龙里县", "黔南布依族苗族自治州"),
        C("522731", "惠水县", "黔南布依族苗族自治州"),
        C("522732", "三都水族自治县", "黔南布依族苗族自治州", deep: true)
    ];

    private static readonly FrozenDictionary<string, County> ByCode =
        Guizhou.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Provinces = new Dictionary<string, string>
    {
        ["11"] = "北京市",
        ["12"] = "天津市",
        ["13"] = "河北省",
        ["14"] = "山西省",
        ["15"] = "内蒙古自治区",
        ["21"] = "辽宁省",
        ["22"] = "吉林省",
        ["23"] = "黑龙江省",
        ["31"] = "上海市",
        ["32"] = "江苏省",
        ["33"] = "浙江省",
        ["34"] = "安徽省",
        ["35"] = "福建省",
        ["36"] = "江西省",
        ["37"] = "山东省",
        ["41"] = "河南省",
        ["42"] = "湖北省",
        ["43"] = "湖南省",
        ["44"] = "广东省",
        ["45"] = "广西壮族自治区",
        ["46"] = "海南省",
        ["50"] = "重庆市",
        ["51"] = "四川省",
        ["52"] = "贵州省",
        ["53"] = "云南省",
        ["54"] = "西藏自治区",
        ["61"] = "陕西省",
        ["62"] = "甘肃省",
        ["63"] = "青海省",
        ["64"] = "宁夏回族自治区",
        ["65"] = "新疆维吾尔自治区",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The 31 province-level divisions as (code, name), codes in the six-digit form (440000 广东省), in code order.</summary>
    public static IReadOnlyList<(string Code, string Name)> ProvinceList { get; } =
        Provinces.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key + "0000", p.Value)).ToList();

    /// <summary>
    /// The prefecture-level divisions under a province, as (code, name); known for Guizhou only, empty elsewhere (the
    /// platform carries no other province's divisions: a delivery elsewhere names its county by code).
    /// </summary>
    public static IReadOnlyList<(string Code, string Name)> PrefecturesOf(string? provinceCode) =>
        provinceCode?.Trim() is { Length: >= 2 } code && code.StartsWith("52", StringComparison.Ordinal)
            ? Guizhou.GroupBy(c => c.Code[..4] + "00", StringComparer.Ordinal).Select(g => (g.Key, g.First().Prefecture)).ToList()
            : [];

    /// <summary>The county-level divisions of a Guizhou prefecture (by its code, e.g. 520100), in code order.</summary>
    public static IReadOnlyList<County> CountiesOf(string? prefectureCode) =>
        prefectureCode?.Trim() is { Length: 6 } code ? Guizhou.Where(c => c.Code.StartsWith(code[..4], StringComparison.Ordinal)).ToList() : [];

    /// <summary>
    /// A code as an address reads it: 贵州省六盘水市盘州市 where the platform knows the division's names, else the
    /// province's name and the code (广东省 440103); the code alone outside any known province.
    /// </summary>
    public static string PlaceName(string? code)
    {
        var trimmed = code?.Trim() ?? "";
        if (TryGetCounty(trimmed, out var county)) return $"{ProvinceName(trimmed)}{county.Prefecture}{county.Name}";
        if (PrefecturesOf(trimmed).FirstOrDefault(p => p.Code == trimmed) is { Name: { } prefecture }) return $"{ProvinceName(trimmed)}{prefecture}";
        if (ProvinceName(trimmed) is not { } province) return trimmed;
        return trimmed.EndsWith("0000", StringComparison.Ordinal) ? province : $"{province} {trimmed}";
    }

    /// <summary>Looks up a Guizhou county-level division by its six-digit code.</summary>
    public static bool TryGetCounty(string? code, [MaybeNullWhen(false)] out County county)
    {
        county = null;
        return code is not null && ByCode.TryGetValue(code.Trim(), out county);
    }

    public static bool IsKnownCounty(string? code) => TryGetCounty(code, out _);

    /// <summary>The province-level division named by the first two digits of any administrative code.</summary>
    public static string? ProvinceName(string? code) =>
        code?.Trim() is { Length: >= 2 } trimmed && Provinces.TryGetValue(trimmed[..2], out var name) ? name : null;

    private static County C(string code, string name, string prefecture, bool deep = false) =>
        new(code, name, prefecture, deep);
}

namespace AgriLink.Search;

/// <summary><see cref="Total"/> counts every match (not just this page); facets are counted over every match.</summary>
public sealed record ListingSearchResult(long Total, IReadOnlyList<ListingHit> Hits, ListingFacets Facets);

public sealed record ListingHit(
    string ListingId,
    double Score,
    string Title,
    string Category,
    string CooperativeId,
    string CooperativeName,
    string CountyCode,
    string CountyName,
    long PriceFen,
    string Unit,
    decimal Stock,
    bool PovertyCertified,
    bool InStock,
    DateOnly? HarvestDate,
    string? Variety,
    DateTimeOffset UpdatedAt);

/// <param name="Value">The filter value to send back (category name, county code, certification kind, price bucket key, true/false).</param>
/// <param name="Label">For display (水果, 盘州市, 扶贫产品认定, ¥10–30, 有货).</param>
public sealed record FacetCount(string Value, string Label, long Count);

/// <summary>
/// Counts over the matching listings. <see cref="Certifications"/> lists 扶贫产品认定 (<c>Poverty</c>) first, then the claimed kinds;
/// <see cref="PriceRanges"/> follows <see cref="PriceBuckets.All"/>; <see cref="InStock"/> has <c>true</c> (有货) and <c>false</c> (缺货).
/// Zero counts are left out except for the price buckets and stock, which are always listed.
/// </summary>
public sealed record ListingFacets(
    IReadOnlyList<FacetCount> Categories,
    IReadOnlyList<FacetCount> Counties,
    IReadOnlyList<FacetCount> Certifications,
    IReadOnlyList<FacetCount> PriceRanges,
    IReadOnlyList<FacetCount> InStock)
{
    public static readonly ListingFacets Empty = new([], [], [], [], []);
}

/// <summary>A price range facet bucket, fen per unit: <see cref="FromFen"/> inclusive, <see cref="ToFen"/> exclusive (null: no bound).</summary>
public sealed record PriceBucket(string Key, string Label, long? FromFen, long? ToFen)
{
    public bool Contains(long priceFen) => (FromFen is null || priceFen >= FromFen) && (ToFen is null || priceFen < ToFen);
}

public static class PriceBuckets
{
    public static readonly IReadOnlyList<PriceBucket> All =
    [
        new("0-10", "¥10以下", null, 1_000),
        new("10-30", "¥10–30", 1_000, 3_000),
        new("30-50", "¥30–50", 3_000, 5_000),
        new("50-100", "¥50–100", 5_000, 10_000),
        new("100-200", "¥100–200", 10_000, 20_000),
        new("200-", "¥200以上", 20_000, null),
    ];
}

/// <summary>Facet values and labels shared by both backends.</summary>
public static class SearchLabels
{
    /// <summary>The certification facet value for 扶贫产品认定.</summary>
    public const string Poverty = "Poverty";

    public static readonly string[] CertificationOrder = [Poverty, "GreenFood", "Organic", "GeographicalIndication"];

    public static string Certification(string kind) => kind switch
    {
        Poverty => "扶贫产品认定",
        "GreenFood" => "绿色食品",
        "Organic" => "有机产品",
        "GeographicalIndication" => "地理标志产品",
        _ => kind,
    };

    public static string Category(string category) => category switch
    {
        "Fruit" => "水果",
        "Vegetable" => "蔬菜",
        "Tea" => "茶叶",
        "Mushroom" => "食用菌",
        "Grain" => "粮油",
        "Livestock" => "畜禽",
        "Spice" => "调味品",
        "Processed" => "加工食品",
        "Medicinal" => "中药材",
        "Other" => "其他",
        _ => category,
    };

    public static string InStock(bool inStock) => inStock ? "有货" : "缺货";
}

namespace AgriLink.Search;

public enum ListingSort
{
    /// <summary>Best text match first; without text, freshest first.</summary>
    Relevance = 0,
    PriceAsc = 1,
    PriceDesc = 2,
    /// <summary>Most recently updated first.</summary>
    Freshness = 3,
    /// <summary>Most sold first (<see cref="ListingDocument.Sold"/>), then the fresher.</summary>
    Sales = 4,
}

/// <summary>
/// A search. <see cref="Text"/> is free text (Chinese, pinyin or English; null/blank matches everything). Filters combine with AND;
/// values inside one list combine with OR. <see cref="Categories"/> are <c>ProduceCategory</c> names, <see cref="CountyCodes"/>
/// GB/T 2260 county codes. Prices are fen per unit, inclusive. The harvest window keeps listings harvested between
/// <see cref="HarvestFrom"/> and <see cref="HarvestTo"/> inclusive (listings without a harvest date are excluded when either is set).
/// </summary>
public sealed record ListingQuery(
    string? Text = null,
    IReadOnlyList<string>? Categories = null,
    IReadOnlyList<string>? CountyCodes = null,
    bool PovertyCertifiedOnly = false,
    long? MinPriceFen = null,
    long? MaxPriceFen = null,
    bool InStockOnly = false,
    DateOnly? HarvestFrom = null,
    DateOnly? HarvestTo = null,
    ListingSort Sort = ListingSort.Relevance,
    int Skip = 0,
    int Take = 20,
    IReadOnlyList<string>? WithinCounties = null)
{
    public const int MaxTake = 100;
    public const int MaxSkip = 10_000;
    public const int MaxTextLength = 200;
}

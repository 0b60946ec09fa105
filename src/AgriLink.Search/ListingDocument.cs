namespace AgriLink.Search;

/// <summary>
/// A listing flattened for search: the listing's fields plus its cooperative's name and the county name and origin
/// (省 市 县 村). <see cref="Category"/> is the <c>ProduceCategory</c> name (Fruit, Tea…), <see cref="Unit"/> the unit name,
/// <see cref="Certifications"/> the producer's claimed kinds (GreenFood, Organic, GeographicalIndication);
/// <see cref="PovertyCertified"/> is the platform's 扶贫产品认定. <see cref="Version"/> is the listing row's stored version
/// (the sequence of its latest market event): higher wins. <see cref="Sold"/> is the quantity its sale sub-orders hold (the
/// listing's running total when it was indexed), for the sort by sales.
/// </summary>
public sealed record ListingDocument(
    string ListingId,
    string CooperativeId,
    string CooperativeName,
    string Title,
    string Category,
    long PriceFen,
    string Unit,
    decimal Stock,
    decimal MinOrder,
    string CountyCode,
    string CountyName,
    string Origin,
    DateTimeOffset UpdatedAt,
    long Version,
    string? Variety = null,
    string? Specification = null,
    string? Description = null,
    DateOnly? HarvestDate = null,
    int? ShelfLifeDays = null,
    bool PovertyCertified = false,
    bool DeepPovertyCounty = false,
    IReadOnlyList<string>? Certifications = null,
    IReadOnlyList<string>? DeliveryAreas = null,
    decimal Sold = 0)
{
    public bool InStock => Stock > 0 && Stock >= MinOrder;
}

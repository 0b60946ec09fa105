namespace AgriLink.Search.Lucene;

/// <summary>Field names of the Lucene index. <c>*_bg</c> fields hold the same text as CJK bigrams.</summary>
internal static class LuceneFields
{
    public const string Id = "id";
    public const string Version = "version";
    public const string Document = "doc";
    public const string Name = "name";
    public const string Body = "body";
    public const string Cooperative = "coop";
    public const string Origin = "origin";
    public const string Aliases = "alias";
    public const string Bigrams = "_bg";
    public const string Category = "category";
    public const string County = "county";
    public const string CountyFacet = "county_facet";
    public const string Certification = "cert";
    public const string InStock = "instock";
    public const string Price = "price";
    public const string PriceSort = "price_dv";
    public const string Harvest = "harvest";
    public const string Updated = "updated";
    public const string Sold = "sold";

    /// <summary>Text fields and their weights: the name counts most, then the origin.</summary>
    public static readonly (string Field, float Boost)[] Text =
    [
        (Name, 3f),
        (Origin, 1.5f),
        (Cooperative, 1f),
        (Body, 0.7f),
    ];

    public const float AliasBoost = 2f;

    /// <summary>Text fields also indexed as SmartCn words (the description is not: long, and bigrams suffice for it).</summary>
    public static readonly string[] Words = [Name, Origin, Cooperative];
}

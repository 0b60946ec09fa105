namespace AgriLink.Search;

/// <summary>Counts facet values over matching listings and orders them as <see cref="ListingFacets"/> promises.</summary>
public sealed class FacetTally
{
    private readonly Dictionary<string, long> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _counties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _certifications = new(StringComparer.Ordinal);
    private readonly long[] _prices = new long[PriceBuckets.All.Count];
    private long _inStock;
    private long _outOfStock;

    public void Category(string value, long count = 1) => Add(_categories, value, count);

    /// <summary>A county facet value as <see cref="SearchText.CountyFacet"/> writes it.</summary>
    public void County(string facetValue, long count = 1) => Add(_counties, facetValue, count);

    public void Certification(string value, long count = 1) => Add(_certifications, value, count);

    public void Price(long priceFen)
    {
        for (var i = 0; i < _prices.Length; i++)
        {
            if (PriceBuckets.All[i].Contains(priceFen)) _prices[i]++;
        }
    }

    public void PriceBucket(string key, long count)
    {
        for (var i = 0; i < _prices.Length; i++)
        {
            if (PriceBuckets.All[i].Key == key) _prices[i] += count;
        }
    }

    public void Stock(bool inStock, long count = 1)
    {
        if (inStock) _inStock += count;
        else _outOfStock += count;
    }

    public ListingFacets ToFacets() => new(
        _categories.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new FacetCount(c.Key, SearchLabels.Category(c.Key), c.Value)).ToList(),
        _counties.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => SearchText.SplitCountyFacet(c.Key) switch { var (code, name) => new FacetCount(code, name, c.Value) }).ToList(),
        _certifications.OrderBy(c => Rank(c.Key)).ThenByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new FacetCount(c.Key, SearchLabels.Certification(c.Key), c.Value)).ToList(),
        PriceBuckets.All.Select((b, i) => new FacetCount(b.Key, b.Label, _prices[i])).ToList(),
        [new("true", SearchLabels.InStock(true), _inStock), new("false", SearchLabels.InStock(false), _outOfStock)]);

    private static int Rank(string certification)
    {
        var i = Array.IndexOf(SearchLabels.CertificationOrder, certification);
        return i < 0 ? int.MaxValue : i;
    }

    private static void Add(Dictionary<string, long> counts, string value, long count)
    {
        if (count <= 0) return;
        counts[value] = counts.GetValueOrDefault(value) + count;
    }
}

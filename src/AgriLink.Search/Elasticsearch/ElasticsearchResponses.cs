using System.Text.Json;

namespace AgriLink.Search.Elasticsearch;

/// <summary>Reads Elasticsearch search responses into hits and facets.</summary>
public static class ElasticsearchResponses
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static ListingSearchResult Search(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var hits = root.GetProperty("hits");
        var total = hits.GetProperty("total") is { ValueKind: JsonValueKind.Object } t ? t.GetProperty("value").GetInt64() : hits.GetProperty("total").GetInt64();
        var list = hits.GetProperty("hits").EnumerateArray().Select(Hit).ToList();
        return new ListingSearchResult(total, list, root.TryGetProperty("aggregations", out var aggs) ? Facets(aggs) : ListingFacets.Empty);
    }

    private static ListingHit Hit(JsonElement hit)
    {
        var d = hit.GetProperty("_source").GetProperty("doc").Deserialize<ListingDocument>(Json)
            ?? throw new SearchBackendException("A search hit has no listing document.");
        var score = hit.TryGetProperty("_score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 0;
        return new ListingHit(d.ListingId, score, d.Title, d.Category, d.CooperativeId, d.CooperativeName, d.CountyCode, d.CountyName,
            d.PriceFen, d.Unit, d.Stock, d.PovertyCertified, d.InStock, d.HarvestDate, d.Variety, d.UpdatedAt);
    }

    private static ListingFacets Facets(JsonElement aggs)
    {
        var tally = new FacetTally();
        foreach (var (key, count) in Buckets(aggs, "category")) tally.Category(key, count);
        foreach (var (key, count) in Buckets(aggs, "county")) tally.County(key, count);
        foreach (var (key, count) in Buckets(aggs, "certs")) tally.Certification(key, count);
        foreach (var (key, count) in Buckets(aggs, "price")) tally.PriceBucket(key, count);
        foreach (var (key, count) in Buckets(aggs, "inStock")) tally.Stock(key is "true" or "1", count);
        return tally.ToFacets();
    }

    private static IEnumerable<(string Key, long Count)> Buckets(JsonElement aggs, string name)
    {
        if (!aggs.TryGetProperty(name, out var agg) || !agg.TryGetProperty("buckets", out var buckets)) yield break;
        foreach (var bucket in buckets.EnumerateArray())
        {
            var key = bucket.TryGetProperty("key_as_string", out var text) ? text.GetString()!
                : bucket.GetProperty("key") is { ValueKind: JsonValueKind.String } k ? k.GetString()! : bucket.GetProperty("key").GetRawText();
            yield return (key, bucket.GetProperty("doc_count").GetInt64());
        }
    }
}

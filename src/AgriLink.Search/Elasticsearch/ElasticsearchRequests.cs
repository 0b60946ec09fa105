using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgriLink.Search.Elasticsearch;

/// <summary>
/// The JSON bodies the Elasticsearch backend sends: the index template (smartcn words plus CJK bigram sub-fields),
/// documents with their derived search fields, bulk lines with external versions, and searches with filters,
/// aggregations and sorts. Kept apart from the transport so tests can read them.
/// </summary>
public static class ElasticsearchRequests
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>Fields searched as bigrams, with their weights (the same as the Lucene backend's).</summary>
    public static readonly string[] GramFields = ["name.bg^3", "origin.bg^1.5", "coop.bg", "body.bg^0.7", "alias^2"];

    public static readonly string[] WordFields = ["name^3", "origin^1.5", "coop", "body^0.7"];

    /// <summary>All of one or two bigrams, half (rounded up) of more: Lucene's <c>MinimumMatch</c> in Elasticsearch's words.</summary>
    public const string MinimumShouldMatch = "2<-50%";

    public static JsonObject Template(string index)
    {
        static JsonObject Words() => new()
        {
            ["type"] = "text",
            ["analyzer"] = "smartcn",
            ["fields"] = new JsonObject { ["bg"] = Grams() },
        };
        static JsonObject Grams() => new() { ["type"] = "text", ["analyzer"] = "zh_gram", ["search_analyzer"] = "zh_gram_query" };
        static JsonObject Keyword() => new() { ["type"] = "keyword" };

        return new JsonObject
        {
            ["index_patterns"] = new JsonArray(index),
            ["priority"] = 200,
            ["template"] = new JsonObject
            {
                ["settings"] = new JsonObject
                {
                    ["number_of_shards"] = 1,
                    ["analysis"] = new JsonObject
                    {
                        ["filter"] = new JsonObject
                        {
                            ["zh_bigram_index"] = new JsonObject { ["type"] = "cjk_bigram", ["output_unigrams"] = true },
                            ["zh_bigram_query"] = new JsonObject { ["type"] = "cjk_bigram", ["output_unigrams"] = false },
                        },
                        ["analyzer"] = new JsonObject
                        {
                            ["zh_gram"] = new JsonObject { ["type"] = "custom", ["tokenizer"] = "standard", ["filter"] = new JsonArray("cjk_width", "lowercase", "zh_bigram_index") },
                            ["zh_gram_query"] = new JsonObject { ["type"] = "custom", ["tokenizer"] = "standard", ["filter"] = new JsonArray("cjk_width", "lowercase", "zh_bigram_query") },
                        },
                    },
                },
                ["mappings"] = new JsonObject
                {
                    ["dynamic"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["listingId"] = Keyword(),
                        ["version"] = new JsonObject { ["type"] = "long" },
                        ["name"] = Words(),
                        ["body"] = Words(),
                        ["coop"] = Words(),
                        ["origin"] = Words(),
                        ["alias"] = Grams(),
                        ["category"] = Keyword(),
                        ["countyCode"] = Keyword(),
                        ["countyFacet"] = Keyword(),
                        ["certs"] = Keyword(),
                        ["inStock"] = new JsonObject { ["type"] = "boolean" },
                        ["priceFen"] = new JsonObject { ["type"] = "long" },
                        ["soldMilli"] = new JsonObject { ["type"] = "long" },
                        ["harvestDate"] = new JsonObject { ["type"] = "date", ["format"] = "yyyy-MM-dd" },
                        ["updatedAt"] = new JsonObject { ["type"] = "date" },
                        ["doc"] = new JsonObject { ["type"] = "object", ["enabled"] = false },
                    },
                },
            },
        };
    }

    /// <summary>The stored source: the listing as it is (<c>doc</c>) and the fields it is searched and filtered by.</summary>
    public static JsonObject Source(ListingDocument d) => new()
    {
        ["listingId"] = d.ListingId,
        ["version"] = d.Version,
        ["name"] = SearchText.Name(d),
        ["body"] = SearchText.Body(d),
        ["coop"] = d.CooperativeName,
        ["origin"] = SearchText.Origin(d),
        ["alias"] = SearchText.Aliases(d),
        ["category"] = d.Category,
        ["countyCode"] = d.CountyCode,
        ["countyFacet"] = SearchText.CountyFacet(d),
        ["certs"] = new JsonArray(SearchText.Certifications(d).Select(c => (JsonNode)c).ToArray()),
        ["inStock"] = d.InStock,
        ["priceFen"] = d.PriceFen,
        ["soldMilli"] = SearchText.SoldMilli(d),
        ["harvestDate"] = d.HarvestDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["updatedAt"] = d.UpdatedAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["doc"] = JsonSerializer.SerializeToNode(d, Json),
    };

    /// <summary>
    /// Newline-delimited bulk body: one index action per document with its version as an external version
    /// (<c>external_gte</c>), so an older version is refused by Elasticsearch itself, whichever node writes.
    /// </summary>
    public static string Bulk(string index, IReadOnlyList<ListingDocument> documents)
    {
        var lines = new System.Text.StringBuilder();
        foreach (var d in documents)
        {
            var action = new JsonObject
            {
                ["index"] = new JsonObject { ["_index"] = index, ["_id"] = d.ListingId, ["version"] = d.Version, ["version_type"] = "external_gte" },
            };
            lines.Append(action.ToJsonString()).Append('\n').Append(Source(d).ToJsonString()).Append('\n');
        }
        return lines.ToString();
    }

    public static JsonObject Search(ListingQuery q)
    {
        var take = Math.Clamp(q.Take, 0, ListingQuery.MaxTake);
        var skip = Math.Clamp(q.Skip, 0, ListingQuery.MaxSkip);
        var hasText = !string.IsNullOrWhiteSpace(q.Text);
        var boolQuery = new JsonObject();
        if (hasText)
        {
            var text = q.Text!.Trim();
            boolQuery["must"] = new JsonArray(new JsonObject
            {
                ["multi_match"] = new JsonObject
                {
                    ["query"] = text,
                    ["type"] = "cross_fields",
                    ["fields"] = new JsonArray(GramFields.Select(f => (JsonNode)f).ToArray()),
                    ["minimum_should_match"] = MinimumShouldMatch,
                    ["tie_breaker"] = 0.1,
                    // Text of punctuation only analyses to nothing: it filters nothing (as in Lucene).
                    ["zero_terms_query"] = "all",
                },
            });
            boolQuery["should"] = new JsonArray(new JsonObject
            {
                ["multi_match"] = new JsonObject { ["query"] = text, ["fields"] = new JsonArray(WordFields.Select(f => (JsonNode)f).ToArray()) },
            });
        }
        else
        {
            boolQuery["must"] = new JsonArray(new JsonObject { ["match_all"] = new JsonObject() });
        }
        boolQuery["filter"] = Filters(q);

        var body = new JsonObject
        {
            ["from"] = skip,
            ["size"] = take,
            ["track_total_hits"] = true,
            ["track_scores"] = true,
            ["query"] = new JsonObject { ["bool"] = boolQuery },
            ["sort"] = Sort(q.Sort, hasText),
            ["aggs"] = Aggregations(),
        };
        return body;
    }

    private static JsonArray Filters(ListingQuery q)
    {
        var filters = new JsonArray();
        if (q.Categories is { Count: > 0 } categories) filters.Add(Terms("category", categories));
        if (q.CountyCodes is { Count: > 0 } counties) filters.Add(Terms("countyCode", counties));
        if (q.WithinCounties is { } within) filters.Add(Terms("countyCode", within));
        if (q.PovertyCertifiedOnly) filters.Add(new JsonObject { ["term"] = new JsonObject { ["certs"] = SearchLabels.Poverty } });
        if (q.InStockOnly) filters.Add(new JsonObject { ["term"] = new JsonObject { ["inStock"] = true } });
        if (q.MinPriceFen is not null || q.MaxPriceFen is not null)
            filters.Add(Range("priceFen", q.MinPriceFen is { } min ? min : null, q.MaxPriceFen is { } max ? max : null));
        if (q.HarvestFrom is not null || q.HarvestTo is not null)
            filters.Add(Range("harvestDate", q.HarvestFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                q.HarvestTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        return filters;
    }

    private static JsonObject Terms(string field, IReadOnlyList<string> values) =>
        new() { ["terms"] = new JsonObject { [field] = new JsonArray(values.Distinct(StringComparer.Ordinal).Select(v => (JsonNode)v).ToArray()) } };

    private static JsonObject Range(string field, JsonNode? from, JsonNode? to)
    {
        var range = new JsonObject();
        if (from is not null) range["gte"] = from;
        if (to is not null) range["lte"] = to;
        return new JsonObject { ["range"] = new JsonObject { [field] = range } };
    }

    /// <summary>Relevance without text is freshness; ties go to the fresher listing, then the id (stable pages).</summary>
    private static JsonArray Sort(ListingSort sort, bool hasText)
    {
        static JsonObject By(string field, string order) => new() { [field] = new JsonObject { ["order"] = order } };
        return sort switch
        {
            ListingSort.PriceAsc => new JsonArray(By("priceFen", "asc"), By("updatedAt", "desc"), By("listingId", "asc")),
            ListingSort.PriceDesc => new JsonArray(By("priceFen", "desc"), By("updatedAt", "desc"), By("listingId", "asc")),
            // An index made before the field existed has it unmapped: sort such documents as unsold.
            ListingSort.Sales => new JsonArray(new JsonObject { ["soldMilli"] = new JsonObject { ["order"] = "desc", ["missing"] = "_last", ["unmapped_type"] = "long" } },
                By("updatedAt", "desc"), By("listingId", "asc")),
            ListingSort.Relevance when hasText => new JsonArray("_score", By("updatedAt", "desc"), By("listingId", "asc")),
            _ => new JsonArray(By("updatedAt", "desc"), By("listingId", "asc")),
        };
    }

    private static JsonObject Aggregations() => new()
    {
        ["category"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "category", ["size"] = 50 } },
        ["county"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "countyFacet", ["size"] = 500 } },
        ["certs"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "certs", ["size"] = 20 } },
        ["inStock"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "inStock", ["size"] = 2 } },
        ["price"] = new JsonObject
        {
            ["range"] = new JsonObject
            {
                ["field"] = "priceFen",
                ["ranges"] = new JsonArray(PriceBuckets.All.Select(b =>
                {
                    var range = new JsonObject { ["key"] = b.Key };
                    if (b.FromFen is { } from) range["from"] = from;
                    if (b.ToFen is { } to) range["to"] = to;
                    return (JsonNode)range;
                }).ToArray()),
            },
        },
    };
}

using System.Text.Json.Nodes;
using AgriLink.Search.Elasticsearch;
using Xunit;
using static AgriLink.Search.Tests.Samples;

namespace AgriLink.Search.Tests;

/// <summary>
/// The Elasticsearch backend without a server: the requests it sends (template, versions, query, filters,
/// aggregations, sorts) and how it reads answers, through the client's in-memory transport.
/// </summary>
public sealed class ElasticsearchTransportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_use_puts_the_template_with_smartcn_and_bigrams_and_creates_the_index()
    {
        using var es = new ScriptedElasticsearch(r => r.Method == "HEAD" ? (404, "") : ScriptedElasticsearch.Defaults(r));
        var search = new ElasticsearchListingSearch(es.Client, "listings-x");
        await search.CountAsync(Ct);
        await search.CountAsync(Ct);

        Assert.Equal(["PUT /_index_template/listings-x-template", "HEAD /listings-x", "PUT /listings-x", "GET /listings-x/_count", "GET /listings-x/_count"],
            es.Requests.Select(r => $"{r.Method} {r.Path}"));
        var template = es.Requests[0].Json;
        Assert.Equal("listings-x", template["index_patterns"]![0]!.GetValue<string>());
        var properties = template["template"]!["mappings"]!["properties"]!;
        Assert.Equal("smartcn", properties["name"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("zh_gram", properties["name"]!["fields"]!["bg"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("zh_gram_query", properties["name"]!["fields"]!["bg"]!["search_analyzer"]!.GetValue<string>());
        Assert.Equal("keyword", properties["countyFacet"]!["type"]!.GetValue<string>());
        var filters = template["template"]!["settings"]!["analysis"]!["filter"]!;
        Assert.True(filters["zh_bigram_index"]!["output_unigrams"]!.GetValue<bool>());
        Assert.False(filters["zh_bigram_query"]!["output_unigrams"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Documents_are_bulk_indexed_with_external_versions_and_wait_for_refresh()
    {
        using var es = new ScriptedElasticsearch();
        var search = new ElasticsearchListingSearch(es.Client, "listings");
        await search.IndexAsync([Doc("cili-juice", "刺梨原浆", "Processed", 16800, certified: true, version: 7, claimed: ["Organic"])], Ct);

        var bulk = es.Requests.Single(r => r.Path.StartsWith("/_bulk", StringComparison.Ordinal));
        Assert.Equal(("POST", "/_bulk?refresh=wait_for"), (bulk.Method, bulk.Path));
        var lines = bulk.Lines;
        Assert.Equal(2, lines.Count);
        var action = lines[0]["index"]!;
        Assert.Equal(("listings", "cili-juice", 7L, "external_gte"),
            (action["_index"]!.GetValue<string>(), action["_id"]!.GetValue<string>(), action["version"]!.GetValue<long>(), action["version_type"]!.GetValue<string>()));
        var source = lines[1];
        Assert.Equal(["Poverty", "Organic"], source["certs"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("520281\t盘州市", source["countyFacet"]!.GetValue<string>());
        Assert.Contains("cili", source["alias"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("刺梨原浆", source["doc"]!["title"]!.GetValue<string>());
        Assert.True(source["inStock"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_version_conflict_is_ignored_but_another_refusal_is_an_error()
    {
        const string conflict = """{"took":1,"errors":true,"items":[{"index":{"_id":"a","status":409,"error":{"type":"version_conflict_engine_exception","reason":"current version [9] is higher"}}}]}""";
        using var old = new ScriptedElasticsearch(r => r.Path.StartsWith("/_bulk", StringComparison.Ordinal) ? (200, conflict) : ScriptedElasticsearch.Defaults(r));
        await new ElasticsearchListingSearch(old.Client, "listings").IndexAsync([Doc("a", "刺梨", version: 3)], Ct);

        const string mapping = """{"took":1,"errors":true,"items":[{"index":{"_id":"a","status":400,"error":{"type":"document_parsing_exception","reason":"bad"}}}]}""";
        using var bad = new ScriptedElasticsearch(r => r.Path.StartsWith("/_bulk", StringComparison.Ordinal) ? (200, mapping) : ScriptedElasticsearch.Defaults(r));
        var error = await Assert.ThrowsAsync<SearchBackendException>(() => new ElasticsearchListingSearch(bad.Client, "listings").IndexAsync([Doc("a", "刺梨")], Ct));
        Assert.Contains("document_parsing_exception", error.Message, StringComparison.Ordinal);

        using var down = new ScriptedElasticsearch(r => r.Path.EndsWith("/_search", StringComparison.Ordinal) ? (503, """{"error":"unavailable"}""") : ScriptedElasticsearch.Defaults(r));
        await Assert.ThrowsAsync<SearchBackendException>(() => new ElasticsearchListingSearch(down.Client, "listings").SearchAsync(new("刺梨"), Ct));
    }

    [Fact]
    public async Task A_search_sends_bigram_text_words_filters_sort_page_and_aggregations()
    {
        using var es = new ScriptedElasticsearch();
        var search = new ElasticsearchListingSearch(es.Client, "listings");
        await search.SearchAsync(new("盘州刺梨", ["Fruit", "Processed"], ["520281"], PovertyCertifiedOnly: true, MinPriceFen: 500, MaxPriceFen: 20000,
            InStockOnly: true, HarvestFrom: new(2026, 9, 1), HarvestTo: new(2026, 9, 30), Sort: ListingSort.PriceAsc, Skip: 20, Take: 10), Ct);

        var request = es.Requests.Single(r => r.Path == "/listings/_search");
        var body = request.Json;
        Assert.Equal((20, 10, true), (body["from"]!.GetValue<int>(), body["size"]!.GetValue<int>(), body["track_total_hits"]!.GetValue<bool>()));
        var must = body["query"]!["bool"]!["must"]![0]!["multi_match"]!;
        Assert.Equal(("盘州刺梨", "cross_fields", "2<-50%"), (must["query"]!.GetValue<string>(), must["type"]!.GetValue<string>(), must["minimum_should_match"]!.GetValue<string>()));
        Assert.Equal(ElasticsearchRequests.GramFields, must["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(ElasticsearchRequests.WordFields, body["query"]!["bool"]!["should"]![0]!["multi_match"]!["fields"]!.AsArray().Select(f => f!.GetValue<string>()));

        var filters = body["query"]!["bool"]!["filter"]!.AsArray().Select(f => f!.ToJsonString()).ToList();
        Assert.Equal(
        [
            """{"terms":{"category":["Fruit","Processed"]}}""",
            """{"terms":{"countyCode":["520281"]}}""",
            """{"term":{"certs":"Poverty"}}""",
            """{"term":{"inStock":true}}""",
            """{"range":{"priceFen":{"gte":500,"lte":20000}}}""",
            """{"range":{"harvestDate":{"gte":"2026-09-01","lte":"2026-09-30"}}}""",
        ], filters);
        Assert.Equal("""[{"priceFen":{"order":"asc"}},{"updatedAt":{"order":"desc"}},{"listingId":{"order":"asc"}}]""", body["sort"]!.ToJsonString());

        var aggs = body["aggs"]!;
        Assert.Equal(["category", "county", "certs", "inStock", "price"], aggs.AsObject().Select(a => a.Key));
        Assert.Equal("countyFacet", aggs["county"]!["terms"]!["field"]!.GetValue<string>());
        Assert.Equal(PriceBuckets.All.Select(b => b.Key), aggs["price"]!["range"]!["ranges"]!.AsArray().Select(r => r!["key"]!.GetValue<string>()));
        Assert.Equal(1000, aggs["price"]!["range"]!["ranges"]![0]!["to"]!.GetValue<long>());
        Assert.Null(aggs["price"]!["range"]!["ranges"]![0]!["from"]);
    }

    [Fact]
    public async Task Without_text_everything_matches_newest_first()
    {
        using var es = new ScriptedElasticsearch();
        await new ElasticsearchListingSearch(es.Client, "listings").SearchAsync(new(), Ct);
        var body = es.Requests.Single(r => r.Path == "/listings/_search").Json;
        Assert.Equal("""[{"match_all":{}}]""", body["query"]!["bool"]!["must"]!.ToJsonString());
        Assert.Null(body["query"]!["bool"]!["should"]);
        Assert.Equal("[]", body["query"]!["bool"]!["filter"]!.ToJsonString());
        Assert.Equal("""[{"updatedAt":{"order":"desc"}},{"listingId":{"order":"asc"}}]""", body["sort"]!.ToJsonString());
    }

    [Fact]
    public async Task Answers_are_read_into_hits_and_facets()
    {
        var doc = Doc("kiwi", "修文猕猴桃 贵长 5斤装", "Fruit", 6900, 2000, "520123", "修文县", variety: "贵长", harvest: new(2026, 10, 8), claimed: ["GreenFood"]);
        var hit = new JsonObject { ["_id"] = "kiwi", ["_score"] = 4.25, ["_source"] = ElasticsearchRequests.Source(doc) };
        var answer = new JsonObject
        {
            ["took"] = 3,
            ["hits"] = new JsonObject { ["total"] = new JsonObject { ["value"] = 41, ["relation"] = "eq" }, ["hits"] = new JsonArray(hit) },
            ["aggregations"] = JsonNode.Parse("""
                {
                  "category": {"buckets": [{"key": "Fruit", "doc_count": 30}, {"key": "Tea", "doc_count": 11}]},
                  "county": {"buckets": [{"key": "520123\t修文县", "doc_count": 41}]},
                  "certs": {"buckets": [{"key": "GreenFood", "doc_count": 12}, {"key": "Poverty", "doc_count": 5}]},
                  "inStock": {"buckets": [{"key": 1, "key_as_string": "true", "doc_count": 39}, {"key": 0, "key_as_string": "false", "doc_count": 2}]},
                  "price": {"buckets": [{"key": "0-10", "to": 1000.0, "doc_count": 0}, {"key": "10-30", "from": 1000.0, "to": 3000.0, "doc_count": 7},
                    {"key": "30-50", "doc_count": 0}, {"key": "50-100", "doc_count": 34}, {"key": "100-200", "doc_count": 0}, {"key": "200-", "doc_count": 0}]}
                }
                """),
        };
        using var es = new ScriptedElasticsearch(r => r.Path.EndsWith("/_search", StringComparison.Ordinal) ? (200, answer.ToJsonString()) : ScriptedElasticsearch.Defaults(r));
        var result = await new ElasticsearchListingSearch(es.Client, "listings").SearchAsync(new("猕猴桃"), Ct);

        Assert.Equal(41, result.Total);
        var h = Assert.Single(result.Hits);
        Assert.Equal(("kiwi", 4.25, "修文猕猴桃 贵长 5斤装", 6900L, "修文县", "贵长", new DateOnly(2026, 10, 8), true),
            (h.ListingId, h.Score, h.Title, h.PriceFen, h.CountyName, h.Variety, h.HarvestDate, h.InStock));
        Assert.Equal([("Fruit", "水果", 30L), ("Tea", "茶叶", 11L)], result.Facets.Categories.Select(c => (c.Value, c.Label, c.Count)));
        Assert.Equal([("520123", "修文县", 41L)], result.Facets.Counties.Select(c => (c.Value, c.Label, c.Count)));
        Assert.Equal([("Poverty", "扶贫产品认定", 5L), ("GreenFood", "绿色食品", 12L)], result.Facets.Certifications.Select(c => (c.Value, c.Label, c.Count)));
        Assert.Equal([0L, 7L, 0L, 34L, 0L, 0L], result.Facets.PriceRanges.Select(p => p.Count));
        Assert.Equal([("true", 39L), ("false", 2L)], result.Facets.InStock.Select(s => (s.Value, s.Count)));
    }

    [Fact]
    public async Task Remove_and_reset_delete_and_tolerate_what_is_already_gone()
    {
        using var es = new ScriptedElasticsearch(r => r.Method == "DELETE" ? (404, """{"found":false}""") : ScriptedElasticsearch.Defaults(r));
        var search = new ElasticsearchListingSearch(es.Client, "listings");
        await search.RemoveAsync("lst a/b", Ct);
        await search.ResetAsync(Ct);
        var calls = es.Requests.Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.Contains("DELETE /listings/_doc/lst%20a%2Fb?refresh=wait_for", calls);
        Assert.Contains("DELETE /listings", calls);
        // After the reset the index is made again from the template.
        Assert.Equal("PUT /_index_template/listings-template", calls[calls.IndexOf("DELETE /listings") + 1]);
    }
}

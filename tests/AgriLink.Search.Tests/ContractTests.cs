using Xunit;
using static AgriLink.Search.Tests.Samples;

namespace AgriLink.Search.Tests;

/// <summary>What every <see cref="IListingSearch"/> backend promises; runs on each of <see cref="Backends.All"/>.</summary>
public sealed class ContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Backend> Loaded(string backend)
    {
        var b = await Backends.Create(backend);
        await b.Search.IndexAsync(Catalogue(), Ct);
        return b;
    }

    private static async Task<List<string>> Ids(IListingSearch search, ListingQuery query) =>
        (await search.SearchAsync(query, Ct)).Hits.Select(h => h.ListingId).ToList();

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Local_names_that_SmartCn_splits_are_found(string backend)
    {
        await using var b = await Loaded(backend);
        Assert.Equal(["cili", "cili-juice"], (await Ids(b.Search, new("刺梨"))).Order());
        Assert.Equal(["kiwi", "kiwi-red"], (await Ids(b.Search, new("修文"))).Order());
        Assert.Equal("cili", (await Ids(b.Search, new("盘州刺梨")))[0]);
        Assert.Equal(["tea"], await Ids(b.Search, new("湄潭翠芽")));
        Assert.Empty(await Ids(b.Search, new("榴莲")));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Pinyin_and_English_find_Chinese_listings(string backend)
    {
        await using var b = await Loaded(backend);
        Assert.Equal(["kiwi", "kiwi-red"], (await Ids(b.Search, new("kiwi"))).Order());
        Assert.Equal(["cili", "cili-juice"], (await Ids(b.Search, new("cili"))).Order());
        Assert.Contains("chicken", await Ids(b.Search, new("Chicken")));
        Assert.Equal(["tea"], await Ids(b.Search, new("tea")));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task The_title_outranks_a_mention_in_the_description(string backend)
    {
        await using var b = await Backends.Create(backend);
        await b.Search.IndexAsync(
        [
            Doc("mention", "盘州核桃", description: "与刺梨同园种植的核桃"),
            Doc("title", "盘州鲜刺梨"),
        ], Ct);
        Assert.Equal(["title", "mention"], await Ids(b.Search, new("刺梨")));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Filters_combine_and_values_of_one_filter_are_alternatives(string backend)
    {
        await using var b = await Loaded(backend);
        Assert.Equal(["cili", "kiwi", "kiwi-red"], (await Ids(b.Search, new(Categories: ["Fruit"]))).Order());
        Assert.Equal(["cili", "kiwi", "kiwi-red", "tea"], (await Ids(b.Search, new(Categories: ["Fruit", "Tea"]))).Order());
        Assert.Equal(["kiwi", "kiwi-red"], (await Ids(b.Search, new(Categories: ["Fruit"], CountyCodes: ["520123"]))).Order());
        Assert.Equal(["chicken", "cili-juice", "rice"], (await Ids(b.Search, new(PovertyCertifiedOnly: true))).Order());
        Assert.Equal(["kiwi"], await Ids(b.Search, new(Categories: ["Fruit"], CountyCodes: ["520123"], InStockOnly: true)));
        Assert.Equal(["kiwi-red", "rice", "walnut"], (await Ids(b.Search, new(MinPriceFen: 1200, MaxPriceFen: 1800))).Order());
        Assert.Equal(["cili", "cili-juice", "walnut"],
            (await Ids(b.Search, new(HarvestFrom: new(2026, 9, 10), HarvestTo: new(2026, 9, 30)))).Order());
        Assert.Equal(["cili"], await Ids(b.Search, new("刺梨", HarvestTo: new(2026, 9, 15))));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Facets_count_every_match_with_poverty_certification_first(string backend)
    {
        await using var b = await Loaded(backend);
        var all = await b.Search.SearchAsync(new(Take: 2), Ct);
        Assert.Equal(8, all.Total);
        Assert.Equal(2, all.Hits.Count);
        Assert.Equal(("Fruit", "水果", 3L), (all.Facets.Categories[0].Value, all.Facets.Categories[0].Label, all.Facets.Categories[0].Count));
        Assert.Equal(8, all.Facets.Categories.Sum(c => c.Count));
        Assert.Equal(3, all.Facets.Counties.Single(c => c.Value == "520281").Count);
        Assert.Equal("盘州市", all.Facets.Counties.Single(c => c.Value == "520281").Label);
        Assert.Equal(["Poverty", "GreenFood", "Organic", "GeographicalIndication"], all.Facets.Certifications.Select(c => c.Value));
        Assert.Equal(("扶贫产品认定", 3L), (all.Facets.Certifications[0].Label, all.Facets.Certifications[0].Count));
        Assert.Equal([1L, 3L, 0L, 1L, 3L, 0L], all.Facets.PriceRanges.Select(p => p.Count));
        Assert.Equal([7L, 1L], all.Facets.InStock.Select(s => s.Count));

        // Facets follow the query and filters.
        var fruit = await b.Search.SearchAsync(new("猕猴桃"), Ct);
        Assert.Equal(2, fruit.Total);
        Assert.Equal([("Fruit", 2L)], fruit.Facets.Categories.Select(c => (c.Value, c.Count)));
        Assert.Equal([1L, 1L], fruit.Facets.InStock.Select(s => s.Count));
        Assert.Equal(["GreenFood"], fruit.Facets.Certifications.Select(c => c.Value));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Sorts_by_price_freshness_and_pages_stably(string backend)
    {
        await using var b = await Loaded(backend);
        Assert.Equal(["cili", "kiwi-red", "rice", "walnut"], (await Ids(b.Search, new(Sort: ListingSort.PriceAsc, Take: 4))));
        Assert.Equal(["tea", "chicken", "cili-juice"], (await Ids(b.Search, new(Sort: ListingSort.PriceDesc, Take: 3))));
        Assert.Equal(["walnut", "rice", "chicken"], (await Ids(b.Search, new(Sort: ListingSort.Freshness, Take: 3))));
        // Without text, relevance is freshness.
        Assert.Equal(["walnut", "rice", "chicken"], (await Ids(b.Search, new(Take: 3))));
        var pages = new List<string>();
        for (var skip = 0; skip < 8; skip += 3) pages.AddRange(await Ids(b.Search, new(Sort: ListingSort.PriceAsc, Skip: skip, Take: 3)));
        Assert.Equal(await Ids(b.Search, new(Sort: ListingSort.PriceAsc, Take: 8)), pages);
        // Sorting by price keeps the text filter.
        Assert.Equal(["cili", "cili-juice"], await Ids(b.Search, new("刺梨", Sort: ListingSort.PriceAsc)));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Sorts_by_sales_most_sold_first_and_keeps_the_filters(string backend)
    {
        await using var b = await Backends.Create(backend);
        await b.Search.IndexAsync(
        [
            Doc("few", "盘州鲜刺梨", minutesAfterStart: 3) with { Sold = 12.5m },
            Doc("many", "修文猕猴桃", county: "520123", countyName: "修文县", minutesAfterStart: 1) with { Sold = 300m },
            Doc("none-newer", "湄潭翠芽", category: "Tea", minutesAfterStart: 2),
            Doc("none-older", "盘州核桃", minutesAfterStart: 0),
            Doc("some", "纳雍土豆", county: "520525", countyName: "纳雍县", minutesAfterStart: 4) with { Sold = 12.6m },
        ], Ct);
        Assert.Equal(["many", "some", "few", "none-newer", "none-older"], await Ids(b.Search, new(Sort: ListingSort.Sales)));
        Assert.Equal(["many", "some"], await Ids(b.Search, new(Sort: ListingSort.Sales, Take: 2)));
        Assert.Equal(["few", "none-newer"], await Ids(b.Search, new(Sort: ListingSort.Sales, Skip: 2, Take: 2)));
        Assert.Equal(["some", "few", "none-older"], await Ids(b.Search, new(Sort: ListingSort.Sales, CountyCodes: ["520281", "520525"], Categories: ["Fruit"])));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Within_counties_narrows_the_county_filter_and_an_empty_set_finds_nothing(string backend)
    {
        await using var b = await Loaded(backend);
        Assert.Equal(["kiwi", "kiwi-red"], (await Ids(b.Search, new(WithinCounties: ["520123"]))).Order());
        Assert.Empty(await Ids(b.Search, new(CountyCodes: ["520281"], WithinCounties: ["520123"])));
        Assert.Equal(["kiwi", "kiwi-red"], (await Ids(b.Search, new(CountyCodes: ["520281", "520123"], WithinCounties: ["520123"]))).Order());
        Assert.Empty(await Ids(b.Search, new(WithinCounties: [])));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Upserts_replace_and_an_older_version_never_wins(string backend)
    {
        await using var b = await Loaded(backend);
        await b.Search.IndexAsync([Doc("cili", "盘州鲜刺梨 特级", priceFen: 900, version: 5)], Ct);
        var hit = (await b.Search.SearchAsync(new("刺梨", Sort: ListingSort.PriceAsc), Ct)).Hits[0];
        Assert.Equal(("cili", 900L, "盘州鲜刺梨 特级"), (hit.ListingId, hit.PriceFen, hit.Title));

        await b.Search.IndexAsync([Doc("cili", "盘州鲜刺梨 旧", priceFen: 100, version: 4)], Ct);
        hit = (await b.Search.SearchAsync(new("刺梨", Sort: ListingSort.PriceAsc), Ct)).Hits[0];
        Assert.Equal((900L, "盘州鲜刺梨 特级"), (hit.PriceFen, hit.Title));
        Assert.Empty(await Ids(b.Search, new("旧")));

        await b.Search.IndexAsync([Doc("cili", "盘州鲜刺梨 新", priceFen: 700, version: 6)], Ct);
        Assert.Equal(["cili"], await Ids(b.Search, new("新")));
        Assert.Equal(8, await b.Search.CountAsync(Ct));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Removed_and_reset_listings_are_gone_at_once(string backend)
    {
        await using var b = await Loaded(backend);
        await b.Search.RemoveAsync("kiwi", Ct);
        await b.Search.RemoveAsync("never-indexed", Ct);
        Assert.Equal(["kiwi-red"], await Ids(b.Search, new("猕猴桃")));
        Assert.Equal(7, await b.Search.CountAsync(Ct));

        await b.Search.ResetAsync(Ct);
        Assert.Equal(0, await b.Search.CountAsync(Ct));
        var empty = await b.Search.SearchAsync(new(), Ct);
        Assert.Equal(0, empty.Total);
        Assert.Empty(empty.Hits);

        // After a reset a rebuild may start again from any version.
        await b.Search.IndexAsync([Doc("kiwi", "修文猕猴桃", version: 0)], Ct);
        Assert.Equal(["kiwi"], await Ids(b.Search, new("猕猴桃")));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Hits_carry_what_a_result_list_shows(string backend)
    {
        await using var b = await Loaded(backend);
        var hit = (await b.Search.SearchAsync(new("生态鸡"), Ct)).Hits.Single();
        Assert.Equal("chicken", hit.ListingId);
        Assert.True(hit.Score > 0);
        Assert.Equal(("从江林下生态鸡", "Livestock", "从江县高增乡生态养殖农民专业合作社", "522633", "从江县"),
            (hit.Title, hit.Category, hit.CooperativeName, hit.CountyCode, hit.CountyName));
        Assert.Equal((16800L, "Jin", 900m, true, true, "小香鸡"), (hit.PriceFen, hit.Unit, hit.Stock, hit.PovertyCertified, hit.InStock, hit.Variety));
        Assert.Equal(Start.AddMinutes(6), hit.UpdatedAt);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Query_syntax_in_the_text_is_just_text(string backend)
    {
        await using var b = await Loaded(backend);
        Assert.Equal(["cili", "cili-juice"], (await Ids(b.Search, new("刺梨 )\"*: ~"))).Order());
        Assert.Equal(8, (await b.Search.SearchAsync(new("  ！！ "), Ct)).Total);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Search;

/// <summary>
/// GET /api/search/listings on the seeded demo (Lucene backend, the default): text, filters, facets and sorts; a listing
/// changed through the API follows into the index within moments (polled, never timed); bad parameters are problems.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class SearchApiTests(SeededApp app)
{
    [Fact]
    public async Task The_demo_catalogue_is_searchable_with_facets()
    {
        var anonymous = app.Anonymous();
        var cili = await anonymous.Until("/api/search/listings?q=刺梨", r => Ids(r).Count >= 4);

        Assert.Equal(["lst-pzcilidried", "lst-pzcilifresh", "lst-pzcilijuice", "lst-pzcilitea"],
            Ids(cili).Where(id => id.StartsWith("lst-pzcili", StringComparison.Ordinal)).Order());
        Assert.Equal("Fruit", (string?)cili["items"]!.AsArray().Single(i => (string?)i!["listingId"] == "lst-pzcilifresh")!["category"]);
        var facets = cili["facets"]!;
        Assert.Equal("Poverty", (string?)facets["certifications"]![0]!["value"]);
        Assert.Equal("扶贫产品认定", (string?)facets["certifications"]![0]!["label"]);
        Assert.Equal(1, (long)facets["certifications"]![0]!["count"]!); // 刺梨原浆
        Assert.Equal("盘州市", (string?)facets["counties"]![0]!["label"]);
        Assert.Equal(6, facets["priceRanges"]!.AsArray().Count);

        // 扶贫产品认定 only: the six certified demo listings, whatever else tests add elsewhere.
        var certified = await anonymous.GetObject("/api/search/listings?certified=true&pageSize=100");
        Assert.Superset(new HashSet<string> { "lst-cjchicken", "lst-cjglutinous", "lst-cjbamboo", "lst-cjfungus", "lst-pzcilijuice", "lst-xwkiwibulk" },
            Ids(certified).ToHashSet());
        Assert.All(certified["items"]!.AsArray(), i => Assert.True((bool)i!["povertyCertified"]!));

        // Tea from 湄潭县, cheapest first; the sold-out 娘娘山 tea is not in stock.
        var tea = await anonymous.GetObject("/api/search/listings?category=Tea&county=520328&sort=priceAsc");
        Assert.Equal(["lst-mtgreenbulk", "lst-mtzunyihong", "lst-mtcuiya"], Ids(tea));
        var inStock = await anonymous.GetObject("/api/search/listings?category=Tea&inStock=true&pageSize=100");
        Assert.DoesNotContain("lst-pztealeaf", Ids(inStock));
        Assert.Contains("lst-pztealeaf", Ids(await anonymous.GetObject("/api/search/listings?q=高山绿茶")));

        // The unpublished draft is never found; pinyin is.
        Assert.DoesNotContain("lst-cjdraftpassion", Ids(await anonymous.GetObject("/api/search/listings?q=百香果")));
        Assert.Contains("lst-xwkiwired", Ids(await anonymous.GetObject("/api/search/listings?q=kiwi")));

        // Pages: total counts every match, pages split the same order.
        var first = await anonymous.GetObject("/api/search/listings?category=Fruit,Processed&sort=priceDesc&pageSize=3");
        var second = await anonymous.GetObject("/api/search/listings?category=Fruit,Processed&sort=priceDesc&pageSize=3&page=2");
        var all = await anonymous.GetObject("/api/search/listings?category=Fruit&category=Processed&sort=priceDesc&pageSize=6");
        Assert.Equal((long)all["total"]!, (long)first["total"]!);
        Assert.Equal(Ids(all), Ids(first).Concat(Ids(second)));
        Assert.Equal(2, (int)second["page"]!);
    }

    [Fact]
    public async Task A_listing_follows_its_changes_into_the_index()
    {
        var platform = await app.As("operator");
        var anonymous = app.Anonymous();
        var cooperative = await platform.RegisterCooperative();
        await platform.Admit(cooperative);
        var token = $"qz{Guid.NewGuid():N}"[..12];
        var draft = Listings.Draft(title: $"盘州蓝莓 {token}", priceFen: 2500);
        var id = await platform.CreateDraft(cooperative, draft);
        var search = $"/api/search/listings?q={token}";

        // A draft is not public; publishing makes it findable.
        Assert.Empty(Ids(await anonymous.GetObject(search)));
        using (var publish = await platform.Post($"/api/listings/{id}/publish")) await publish.AssertOk();
        var found = await anonymous.Until(search, r => Ids(r).Contains(id));
        Assert.Equal(2500, (long)found["items"]![0]!["priceFen"]!);

        // An edit (price) is followed.
        draft["priceFen"] = 1990;
        using (var update = await platform.SendJson(HttpMethod.Put, $"/api/listings/{id}", draft)) await update.AssertOk();
        await anonymous.Until(search, r => Ids(r).Contains(id) && (long)r["items"]![0]!["priceFen"]! == 1990);

        // A suspended cooperative's listings leave the search, and come back when it is reinstated.
        using (var suspend = await platform.SendJson(HttpMethod.Post, $"/api/cooperatives/{cooperative}/admission/suspend",
            new JsonObject { ["reason"] = "QualityComplaint", ["text"] = "抽检不合格" })) await suspend.AssertOk();
        await anonymous.Until(search, r => Ids(r).Count == 0);
        using (var reinstate = await platform.Post($"/api/cooperatives/{cooperative}/admission/reinstate")) await reinstate.AssertOk();
        await anonymous.Until(search, r => Ids(r).Contains(id));

        // Archived: gone for good.
        using (var archive = await platform.Post($"/api/listings/{id}/archive")) await archive.AssertOk();
        await anonymous.Until(search, r => Ids(r).Count == 0);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("minPrice=-1", "minPrice")]
    [InlineData("minPrice=2000&maxPrice=1000", "maxPrice")]
    [InlineData("category=Banana", "category")]
    [InlineData("county=12", "county")]
    [InlineData("certified=maybe", "certified")]
    [InlineData("inStock=yes", "inStock")]
    [InlineData("harvestFrom=2026-13-01", "harvestFrom")]
    [InlineData("harvestFrom=2026-10-01&harvestTo=2026-09-01", "harvestTo")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("sort=1", "sort")]
    [InlineData("q=a&q=b", "q")]
    public async Task Bad_parameters_are_problems_naming_them(string query, string field)
    {
        using var response = await app.Anonymous().Get($"/api/search/listings?{query}");
        await response.AssertValidationProblem(field);
    }

    [Fact]
    public async Task Overlong_text_is_a_problem_and_odd_text_is_just_text()
    {
        using var response = await app.Anonymous().Get($"/api/search/listings?q={new string('梨', 201)}");
        await response.AssertValidationProblem("q");
        var odd = await app.Anonymous().GetObject("/api/search/listings?q=" + Uri.EscapeDataString("刺梨 AND (\"*:~ OR"));
        Assert.True((long)odd["total"]! >= 0);
        var chinese = await app.Anonymous().GetObject("/api/search/listings?category=" + Uri.EscapeDataString("水果") + "&pageSize=100");
        Assert.All(chinese["items"]!.AsArray(), i => Assert.Equal("Fruit", (string?)i!["category"]));
    }

    private static List<string> Ids(JsonObject result) => result["items"]!.AsArray().Select(i => (string)i!["listingId"]!).ToList();
}

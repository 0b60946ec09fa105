using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Matching;

/// <summary>
/// Demands over the API: a fresh buyer posts one and gets explained matches from the demo catalogue; a large demand is
/// split across fresh cooperatives of the test's own and ordered in one go; later listings notify the demand; other
/// buyers are kept out.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class DemandsApiTests(SeededApp app)
{
    private static readonly string DeliverBy = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(30).ToString("yyyy-MM-dd");

    private static JsonObject Demand(string title, string? category, string[] keywords, decimal quantity, string unit, long? maxPriceFen) => new()
    {
        ["title"] = title, ["category"] = category, ["keywords"] = new JsonArray(keywords.Select(k => (JsonNode)k).ToArray()),
        ["quantity"] = quantity, ["unit"] = unit, ["deliverBy"] = DeliverBy, ["deliveryRegionCode"] = "440103", ["maxPriceFen"] = maxPriceFen,
    };

    private static async Task<string> Post(HttpClient buyer, string buyerId, JsonObject demand)
    {
        using var response = await buyer.SendJson(HttpMethod.Post, $"/api/buyers/{buyerId}/demands", demand);
        return (string)(await response.AssertOk(HttpStatusCode.Created))["id"]!;
    }

    /// <summary>Matches once the search index holds at least <paramref name="eligible"/> eligible ones (it follows listings within about a second).</summary>
    private static async Task<JsonObject> Matches(HttpClient buyer, string demandId, int eligible, string query = "")
    {
        JsonObject matches = [];
        for (var i = 0; i < 150; i++)
        {
            matches = await buyer.GetObject($"/api/demands/{demandId}/matches{query}");
            if (matches["items"]!.AsArray().Count(m => (bool)m!["eligible"]!) >= eligible) break;
            await Task.Delay(100, Api.Ct);
        }
        return matches;
    }

    /// <summary>Demo cooperatives by county; each test adds listings of its own to them (no new cooperatives: other tests count the demo's).</summary>
    private static readonly Dictionary<string, string> Cooperatives = new()
    {
        ["520281"] = "coop-pzcili", ["522633"] = "coop-cjxiang", ["520123"] = "coop-xwkiwi",
    };

    /// <summary>A fresh active rice listing of the county's demo cooperative, titled with the test's own word.</summary>
    private async Task<string> RiceListing(string word, string county, decimal stockKg, decimal minKg, long priceFen = 600)
    {
        var operatorClient = await app.As("operator");
        var cooperative = Cooperatives[county];
        var draft = Listings.Draft($"{word}生态大米", priceFen, stockKg);
        draft["category"] = "Grain";
        draft["unit"] = "Kilogram";
        draft["minOrder"] = minKg;
        draft["countyCode"] = county;
        draft["variety"] = word;
        draft["shelfLifeDays"] = 365;
        var id = await operatorClient.CreateDraft(cooperative, draft);
        using var published = await operatorClient.Post($"/api/listings/{id}/publish");
        await published.AssertOk();
        return id;
    }

    private static string Word() => "zq" + string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26))));

    [Fact]
    public async Task AFreshBuyerGetsRankedExplainedMatchesFromTheDemo()
    {
        var (buyerId, buyer) = await FreshBuyer.CreateAsync(app);
        var id = await Post(buyer, buyerId, Demand("工会福利刺梨原浆", "Processed", ["刺梨"], 100, "Box", 20_000));

        var matches = await Matches(buyer, id, eligible: 1, "?explainExcluded=true");

        var items = matches["items"]!.AsArray().Select(m => m!.AsObject()).ToList();
        var juice = items.Single(m => (string)m["listingId"]! == "lst-pzcilijuice");
        Assert.True((bool)juice["eligible"]!);
        var components = juice["components"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(["relevance", "quantity", "price", "delivery", "poverty", "pairing", "quota", "monitoring"], components.Select(c => (string)c["component"]!));
        Assert.All(components, c => Assert.False(string.IsNullOrWhiteSpace((string?)c["explanation"])));
        Assert.Equal("poverty.certified", (string)components.Single(c => (string)c["component"]! == "poverty")["code"]!);
        Assert.Equal("quota.not-declared", (string)components.Single(c => (string)c["component"]! == "quota")["code"]!);
        // Asked for, the excluded candidates come with their reasons: fresh 刺梨 is fruit, the dried slices come in bags.
        string[] Reasons(string listingId) =>
            items.Single(m => (string)m["listingId"]! == listingId)["exclusions"]!.AsArray().Select(e => (string)e!["code"]!).ToArray();
        Assert.Contains("category.mismatch", Reasons("lst-pzcilifresh"));
        Assert.Contains("unit.incompatible", Reasons("lst-pzcilidried"));
        var eligible = items.Count(m => (bool)m["eligible"]!);
        Assert.True(items.Take(eligible).All(m => (bool)m["eligible"]!), "eligible matches come first");
        var scores = items.Take(eligible).Select(m => (decimal)m["score"]!).ToList();
        Assert.Equal(scores.OrderByDescending(x => x), scores);
        Assert.Equal(items.Count - eligible, (int)matches["excluded"]!);

        var plain = await buyer.GetObject($"/api/demands/{id}/matches");
        Assert.NotEmpty(plain["items"]!.AsArray());
        Assert.DoesNotContain(plain["items"]!.AsArray(), m => !(bool)m!["eligible"]!);
    }

    [Fact]
    public async Task AListingOfTheCategoryIsComparedEvenWhenTheDemandsWordsMissIt()
    {
        // The words find a fresh rice listing; the demo's certified 从江香禾糯 (Grain, 10,000 斤, none of the words) must
        // still be compared: ranked for part of the quantity, or excluded with its reason, never silently dropped.
        var word = Word();
        await RiceListing(word, "520281", 500, 10);
        var (buyerId, buyer) = await FreshBuyer.CreateAsync(app);
        var id = await Post(buyer, buyerId, Demand("机关食堂粮油采购", "Grain", [word], 12_000, "Jin", null));

        var matches = await Matches(buyer, id, eligible: 2);

        var items = matches["items"]!.AsArray().Select(m => m!.AsObject()).ToList();
        var glutinous = items.SingleOrDefault(m => (string)m["listingId"]! == "lst-cjglutinous");
        Assert.True(glutinous is not null, matches.ToJsonString());
        Assert.True((bool)glutinous["eligible"]!);
        Assert.Contains(glutinous["components"]!.AsArray(), c => (string)c!["code"]! == "quantity.partial");
        Assert.False((bool)glutinous["foundByWords"]!);
        Assert.Equal((int)matches["candidates"]!, items.Count + (int)matches["excluded"]!);

        // The words' 500 kg cannot cover 12,000 斤, so the split takes the category's listings in.
        var split = await buyer.GetObject($"/api/demands/{id}/split");
        Assert.True((bool)split["covers"]!, split.ToJsonString());
        var foundByWords = items.ToDictionary(m => (string)m["listingId"]!, m => (bool)m["foundByWords"]!);
        Assert.Contains(split["lines"]!.AsArray(), l => !foundByWords[(string)l!["listingId"]!]);
    }

    [Fact]
    public async Task ALargeDemandIsSplitAcrossCooperativesAndOrderedInOneGo()
    {
        var word = Word();
        var xiuwen = await RiceListing(word, "520123", stockKg: 12_000, minKg: 1_000);     // 修文县
        var congjiang = await RiceListing(word, "522633", stockKg: 10_000, minKg: 500);   // 从江县, deep poverty
        var small = await RiceListing(word, "520281", stockKg: 3_000, minKg: 100);
        var (buyerId, buyer) = await FreshBuyer.CreateAsync(app);
        var id = await Post(buyer, buyerId, Demand("机关食堂大米 20吨", "Grain", [word], 20, "Tonne", 1_000_000));
        await Matches(buyer, id, eligible: 3);

        var split = await buyer.GetObject($"/api/demands/{id}/split");

        Assert.True((bool)split["covers"]!);
        Assert.Equal(2, (int)split["suppliers"]!);
        var lines = split["lines"]!.AsArray().Select(l => l!.AsObject()).ToList();
        Assert.Equal(new[] { xiuwen, congjiang }.Order(), lines.Select(l => (string)l["listingId"]!).Order());
        Assert.Equal(20_000m, lines.Sum(l => (decimal)l["quantity"]!));
        Assert.DoesNotContain(small, lines.Select(l => (string)l["listingId"]!));

        var key = Guid.NewGuid().ToString();
        var body = new JsonObject { ["deliveryAddress"] = "广州市荔湾区中山七路 1 号机关食堂" };
        var order = await OrderSplit(buyer, id, body, key, HttpStatusCode.Created);
        Assert.Equal(2, order["subOrders"]!.AsArray().Count);
        Assert.Equal(20_000 * 600, (long)order["totalFen"]!);
        var again = await OrderSplit(buyer, id, body, key, HttpStatusCode.OK);
        Assert.Equal((string)order["id"]!, (string)again["id"]!);
        var operatorClient = await app.As("operator");
        var stocks = new List<decimal>();
        foreach (var listing in new[] { xiuwen, congjiang })
            stocks.Add((decimal)(await operatorClient.GetObject($"/api/listings/{listing}"))["draft"]!["stock"]!);
        Assert.Equal(22_000m - 20_000m, stocks.Sum());
    }

    [Fact]
    public async Task WhatCannotBeCoveredIsExplainedAndNotOrdered()
    {
        var word = Word();
        await RiceListing(word, "522633", stockKg: 1_000, minKg: 10);
        var (buyerId, buyer) = await FreshBuyer.CreateAsync(app);
        // Words alone (no category): only the test's own listing answers them, so 500 kg stay uncovered.
        var id = await Post(buyer, buyerId, Demand("食堂大米", null, [word], 1_500, "Kilogram", 1_000));
        await Matches(buyer, id, eligible: 1);

        var split = await buyer.GetObject($"/api/demands/{id}/split");
        Assert.False((bool)split["covers"]!);
        Assert.Equal(500m, (decimal)split["shortfall"]!);
        Assert.Contains("尚差500公斤", (string)split["explanation"]!);

        using var refused = await buyer.SendJson(HttpMethod.Post, $"/api/demands/{id}/split/order", new JsonObject { ["deliveryAddress"] = "广州市荔湾区" });
        Assert.Equal("urn:agrilink:problem:demand.split-uncovered", (string)(await refused.AssertProblem(HttpStatusCode.UnprocessableEntity))["type"]!);
    }

    [Fact]
    public async Task AListingPublishedLaterIsStoredAsANotificationOnTheDemand()
    {
        var word = Word();
        var (buyerId, buyer) = await FreshBuyer.CreateAsync(app);
        var id = await Post(buyer, buyerId, Demand("食堂大米", "Grain", [word], 500, "Kilogram", 1_000));

        var listing = await RiceListing(word, "522633", stockKg: 2_000, minKg: 10);

        JsonArray notices = [];
        for (var i = 0; i < 150 && notices.Count == 0; i++)
        {
            notices = await buyer.GetArray($"/api/demands/{id}/notifications");
            if (notices.Count == 0) await Task.Delay(100, Api.Ct);
        }
        var notice = Assert.Single(notices)!;
        Assert.Equal((listing, "published"), ((string)notice["listingId"]!, (string)notice["trigger"]!));
        Assert.Equal(1, (int)(await buyer.GetObject($"/api/demands/{id}"))["notificationCount"]!);
    }

    [Fact]
    public async Task DemandsAreTheirBuyersOwn()
    {
        var (buyerId, buyer) = await FreshBuyer.CreateAsync(app);
        var id = await Post(buyer, buyerId, Demand("食堂刺梨", "Fruit", ["刺梨"], 200, "Jin", null));
        var listed = await buyer.GetObject($"/api/buyers/{buyerId}/demands");
        Assert.Equal(id, (string)Assert.Single(listed["items"]!.AsArray())!["demandId"]!);

        var other = await app.As("buyer.consumer");
        foreach (var path in new[] { "", "/matches", "/split", "/notifications" })
            using (var response = await other.Get($"/api/demands/{id}{path}")) await response.AssertProblem(HttpStatusCode.Forbidden);
        using (var order = await other.SendJson(HttpMethod.Post, $"/api/demands/{id}/split/order", new JsonObject { ["deliveryAddress"] = "北京" }))
            await order.AssertProblem(HttpStatusCode.Forbidden);
        using (var close = await other.Post($"/api/demands/{id}/close")) await close.AssertProblem(HttpStatusCode.Forbidden);
        using (var foreignPost = await other.SendJson(HttpMethod.Post, $"/api/buyers/{buyerId}/demands", Demand("x", "Fruit", ["刺梨"], 1, "Jin", null)))
            await foreignPost.AssertProblem(HttpStatusCode.Forbidden);
        using (var foreignList = await other.Get($"/api/buyers/{buyerId}/demands")) await foreignList.AssertProblem(HttpStatusCode.Forbidden);
        using (var unknown = await buyer.Get("/api/demands/dmd-0000000000")) await unknown.AssertProblem(HttpStatusCode.NotFound);
        using (var malformed = await buyer.Get("/api/demands/not-a-demand")) await malformed.AssertProblem(HttpStatusCode.NotFound);

        Assert.Equal("Open", (string)(await (await app.As("operator")).GetObject($"/api/demands/{id}"))["status"]!);
        using (var closed = await buyer.Post($"/api/demands/{id}/close")) Assert.Equal("Closed", (string)(await closed.AssertOk())["status"]!);
        var audit = await (await app.As("operator")).GetArray($"/api/audit?resourceType=demand&resourceId={id}");
        Assert.Equal(["demand.close", "demand.post"], audit.Select(e => (string?)e!["action"]));
        Assert.Equal(("Open", "Closed"), ((string?)JsonNode.Parse((string)audit[0]!["before"]!)!["status"], (string?)JsonNode.Parse((string)audit[0]!["after"]!)!["status"]));
    }

    [Fact]
    public async Task BadDemandsAreProblemsThatChangeNothing()
    {
        var (buyerId, buyer) = await FreshBuyer.CreateAsync(app);
        var bad = Demand("食堂刺梨", "Fruit", ["刺梨"], 0, "Jin", -5);
        bad["deliverBy"] = "2020-01-01";
        bad["deliveryRegionCode"] = "999999";
        using (var response = await buyer.SendJson(HttpMethod.Post, $"/api/buyers/{buyerId}/demands", bad))
            await response.AssertValidationProblem("quantity", "deliverBy", "deliveryRegionCode", "maxPriceFen");
        using (var wrongType = await buyer.SendJson(HttpMethod.Post, $"/api/buyers/{buyerId}/demands", """{"title":"x","quantity":"lots"}"""))
            await wrongType.AssertProblem(HttpStatusCode.BadRequest);
        using (var unknownCategory = await buyer.SendJson(HttpMethod.Post, $"/api/buyers/{buyerId}/demands", Demand("x", "Gold", ["金"], 1, "Jin", null)))
            await unknownCategory.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(0, (int)(await buyer.GetObject($"/api/buyers/{buyerId}/demands"))["total"]!);
    }

    private static async Task<JsonObject> OrderSplit(HttpClient buyer, string demandId, JsonObject body, string key, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/demands/{demandId}/split/order")
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await buyer.SendAsync(request, Api.Ct);
        return await response.AssertOk(expected);
    }
}

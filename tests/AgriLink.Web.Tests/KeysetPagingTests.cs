using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// Lists page by key (<c>after</c> = the previous page's <c>next</c>): walking a list while rows are added sees every row
/// that was there before, each once, in the list's order (id order, or newest first). With offsets, an insert before the
/// cursor would show a row twice.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class KeysetPagingTests(SeededApp app)
{
    [Theory]
    [InlineData("/api/cooperatives")]
    [InlineData("/api/households")]
    [InlineData("/api/enterprises")]
    [InlineData("/api/village-collectives")]
    [InlineData("/api/buyers")]
    [InlineData("/api/listings")]
    public async Task WalkingByKeySeesTheWholeListOnceInIdOrder(string list)
    {
        var operatorClient = await app.As("operator");
        var whole = await Ids(operatorClient, $"{list}?limit=200");

        var walked = await Walk(operatorClient, list, pageSize: 2, between: () => Task.CompletedTask);

        Assert.Equal(whole, walked);
        Assert.Equal(walked.Order(StringComparer.Ordinal), walked);
    }

    [Fact]
    public async Task HouseholdsRegisteredWhileWalkingNeitherRepeatNorHideRows()
    {
        var operatorClient = await app.As("operator");
        var before = await Ids(operatorClient, "/api/households?limit=200");
        var added = new List<string>();

        var walked = await Walk(operatorClient, "/api/households", pageSize: 5, between: async () =>
        {
            using var register = await operatorClient.SendJson(HttpMethod.Post, "/api/households", """
                {"profile":{"headName":"分页测试户","countyCode":"520281","township":"普古乡","village":"舍烹村","people":3}}
                """);
            added.Add((string)(await register.AssertOk(HttpStatusCode.Created))["id"]!);
        });

        Assert.Equal(walked.Distinct().Count(), walked.Count);
        Assert.Equal(walked.Order(StringComparer.Ordinal), walked);
        Assert.Empty(before.Except(walked));
        Assert.NotEmpty(added);
    }

    [Fact]
    public async Task ListingsCreatedWhileWalkingNeitherRepeatNorHideRows()
    {
        var admin = await app.As("coop.panzhou");
        var list = "/api/listings?cooperativeId=coop-pzcili";
        var before = await Ids(admin, $"{list}&limit=200");

        var walked = await Walk(admin, list, pageSize: 3, between: () => admin.CreateDraft("coop-pzcili", Listings.Draft(title: "分页测试刺梨")));

        Assert.Equal(walked.Distinct().Count(), walked.Count);
        Assert.Equal(walked.Order(StringComparer.Ordinal), walked);
        Assert.Empty(before.Except(walked));
    }

    [Fact]
    public async Task AnAfterKeyThatIsTooLongIsAProblemResponse()
    {
        using var response = await app.Anonymous().Get("/api/listings?after=" + new string('x', 201));

        await response.AssertValidationProblem("after");
    }

    /// <summary>
    /// A fresh buyer's demands, newest first: one posted while walking is newer than every key handed out, so the walk
    /// sees exactly the demands there were before it, once each, in posted order.
    /// </summary>
    [Fact]
    public async Task DemandsPostedWhileWalkingNeitherRepeatNorHideRows()
    {
        var (buyerId, buyer) = await Matching.FreshBuyer.CreateAsync(app);
        var list = $"/api/buyers/{buyerId}/demands";
        for (var i = 0; i < 5; i++) await PostDemand(buyer, buyerId);
        var whole = (await buyer.GetObject($"{list}?limit=200"))["items"]!.AsArray();

        var walked = await Walk(buyer, list, pageSize: 2, between: () => PostDemand(buyer, buyerId), "demandId");

        Assert.Equal(whole.Select(d => (string)d!["demandId"]!), walked);
        Assert.Equal(whole.Select(d => (DateTimeOffset)d!["postedAt"]!).OrderDescending(), whole.Select(d => (DateTimeOffset)d!["postedAt"]!));
        Assert.Equal(5, walked.Count);
    }

    /// <summary>An enterprise's contracts, latest window first: contracts with a later window proposed while walking shift no page.</summary>
    [Fact]
    public async Task OfftakeContractsProposedWhileWalkingNeitherRepeatNorHideRows()
    {
        var enterprise = await app.As("ent.qianfeng");
        const string list = "/api/enterprises/ent-qianfeng/offtake-contracts";
        for (var i = 0; i < 4; i++) await ProposeOfftake(enterprise, startInDays: 200 + i);
        var before = await Ids(enterprise, $"{list}?limit=200");

        var walked = await Walk(enterprise, list, pageSize: 2, between: () => ProposeOfftake(enterprise, startInDays: 300));

        Assert.Equal(walked.Distinct().Count(), walked.Count);
        Assert.Empty(before.Except(walked));
        var windows = (await enterprise.GetObject($"{list}?limit=200"))["items"]!.AsArray().Select(c => (string)c!["deliveryStart"]!).ToList();
        Assert.Equal(windows.OrderDescending(StringComparer.Ordinal), windows);
    }

    /// <summary>A fresh buyer's invoices, newest first (by number on one day): invoices issued while walking come before every key.</summary>
    [Fact]
    public async Task InvoicesIssuedWhileWalkingNeitherRepeatNorHideRows()
    {
        var (buyerId, buyer) = await Matching.FreshBuyer.CreateAsync(app);
        var coop = await app.As("coop.panzhou");
        var listing = await coop.CreateDraft("coop-pzcili", Listings.Draft(priceFen: 510));
        using (var published = await coop.Post($"/api/listings/{listing}/publish")) await published.AssertOk();
        var list = $"/api/buyers/{buyerId}/invoices";
        for (var i = 0; i < 3; i++) await InvoiceOneOrder(buyer, buyerId, coop, listing);
        var before = await Ids(buyer, $"{list}?limit=200", "number");

        var walked = await Walk(buyer, list, pageSize: 1, between: () => InvoiceOneOrder(buyer, buyerId, coop, listing), "number");

        Assert.Equal(before, walked);
        Assert.Equal(before.OrderDescending(StringComparer.Ordinal), before);
        Assert.Equal(3, walked.Count);
        Assert.Equal(6, (int)(await buyer.GetObject($"{list}?limit=1"))["total"]!);
        var sellers = await Ids(coop, "/api/cooperatives/coop-pzcili/invoices?limit=200", "number");
        Assert.Subset(sellers.ToHashSet(), before.ToHashSet());
    }

    private static async Task PostDemand(HttpClient buyer, string buyerId)
    {
        var deliverBy = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(30).ToString("yyyy-MM-dd");
        using var posted = await buyer.SendJson(HttpMethod.Post, $"/api/buyers/{buyerId}/demands", new JsonObject
        {
            ["title"] = "分页测试刺梨", ["category"] = "Fruit", ["keywords"] = new JsonArray("刺梨"), ["quantity"] = 2.50m, ["unit"] = "Jin",
            ["deliverBy"] = deliverBy, ["deliveryRegionCode"] = "440103",
        });
        await posted.AssertOk(HttpStatusCode.Created);
    }

    private static async Task ProposeOfftake(HttpClient enterprise, int startInDays)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(startInDays);
        using var proposed = await enterprise.SendJson(HttpMethod.Post, "/api/enterprises/ent-qianfeng/offtake-contracts", new JsonObject
        {
            ["cooperativeId"] = "coop-pzcili",
            ["terms"] = new JsonObject
            {
                ["product"] = "分页测试刺梨", ["category"] = "Fruit", ["unit"] = "Jin", ["quantity"] = 100,
                ["deliveryStart"] = start.ToString("yyyy-MM-dd"), ["deliveryEnd"] = start.AddDays(30).ToString("yyyy-MM-dd"), ["floorPriceFen"] = 300,
            },
        });
        await proposed.AssertOk(HttpStatusCode.Created);
    }

    /// <summary>An invoice order of the buyer's, shipped, delivered and invoiced this month: a new invoice each time.</summary>
    private static async Task InvoiceOneOrder(HttpClient buyer, string buyerId, HttpClient coop, string listing)
    {
        using var placed = await buyer.SendJson(HttpMethod.Post, "/api/orders", new JsonObject
        {
            ["buyerId"] = buyerId, ["paymentMethod"] = "Invoice", ["lines"] = new JsonArray(new JsonObject { ["listingId"] = listing, ["quantity"] = 5 }),
            ["deliveryRegionCode"] = "440103", ["deliveryAddress"] = "广州市荔湾区中山七路 1 号",
        });
        var id = (string)(await placed.AssertOk(HttpStatusCode.Created))["id"]!;
        using (var shipped = await coop.Post($"/api/orders/{id}/suborders/coop-pzcili/ship")) await shipped.AssertOk();
        using (var delivered = await buyer.Post($"/api/orders/{id}/suborders/coop-pzcili/deliver")) await delivered.AssertOk();
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");
        using var issued = await coop.SendJson(HttpMethod.Post, "/api/cooperatives/coop-pzcili/invoices",
            new JsonObject { ["buyerId"] = buyerId, ["month"] = month });
        await issued.AssertOk(HttpStatusCode.Created);
    }

    private static async Task<List<string>> Walk(HttpClient client, string list, int pageSize, Func<Task> between, string idField = "id")
    {
        var ids = new List<string>();
        var separator = list.Contains('?') ? '&' : '?';
        string? after = null;
        do
        {
            var page = await client.GetObject($"{list}{separator}limit={pageSize}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"));
            ids.AddRange(page["items"]!.AsArray().Select(i => (string)i![idField]!));
            after = (string?)page["next"];
            await between();
        }
        while (after is not null);
        return ids;
    }

    private static async Task<List<string>> Ids(HttpClient client, string path, string idField = "id") =>
        (await client.GetObject(path))["items"]!.AsArray().Select(i => (string)i![idField]!).ToList();
}

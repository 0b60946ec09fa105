using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Dividends;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Offtake;

/// <summary>
/// Offtake contracts between the demo enterprise ent-qianfeng (account ent.qianfeng) and coop-pzcili (coop.panzhou).
/// Each test proposes contracts of its own; windows are placed around today's China date.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class OfftakeApiTests(SeededApp app)
{
    private const string Propose = "/api/enterprises/ent-qianfeng/offtake-contracts";

    private static string Day(int offset) => DividendHelpers.ChinaToday.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Proposal(string cooperativeId = "coop-pzcili", long floor = 300, bool followMarket = true) => new()
    {
        ["cooperativeId"] = cooperativeId,
        ["terms"] = new JsonObject
        {
            ["product"] = "鲜刺梨 贵农5号", ["category"] = "Fruit", ["unit"] = "Jin", ["quantity"] = 10_000,
            ["deliveryStart"] = Day(-20), ["deliveryEnd"] = Day(30), ["floorPriceFen"] = floor, ["marketPriceIfHigher"] = followMarket,
        },
    };

    private static JsonObject Delivery(string reference, decimal quantity, long market, int dayOffset = -1) => new()
    {
        ["reference"] = reference, ["date"] = Day(dayOffset), ["quantity"] = quantity, ["marketPriceFen"] = market,
    };

    private async Task<string> ProposedAsync()
    {
        var enterprise = await app.As("ent.qianfeng");
        using var created = await enterprise.SendJson(HttpMethod.Post, Propose, Proposal());
        var view = await created.AssertOk(HttpStatusCode.Created);
        Assert.Equal($"/api/offtake-contracts/{view["id"]}", created.Headers.Location?.OriginalString);
        return (string)view["id"]!;
    }

    private async Task<string> ActiveAsync()
    {
        var id = await ProposedAsync();
        using var accepted = await (await app.As("coop.panzhou")).Post($"/api/offtake-contracts/{id}/accept");
        await accepted.AssertOk();
        return id;
    }

    [Fact]
    public async Task EnterpriseProposesCooperativeAcceptsAndDeliveriesSettle()
    {
        var enterprise = await app.As("ent.qianfeng");
        var coop = await app.As("coop.panzhou");

        var id = await ProposedAsync();
        Assert.StartsWith("off-", id, StringComparison.Ordinal);
        using (var accepted = await coop.Post($"/api/offtake-contracts/{id}/accept"))
            Assert.Equal("Active", (string?)(await accepted.AssertOk())["status"]);
        using (var low = await coop.SendJson(HttpMethod.Post, $"/api/offtake-contracts/{id}/deliveries", Delivery("PZ-A1", 2_000m, 250, -3)))
            await low.AssertOk();
        using (var high = await enterprise.SendJson(HttpMethod.Post, $"/api/offtake-contracts/{id}/deliveries", Delivery("PZ-A2", 1_000.5m, 420)))
            await high.AssertOk();
        var view = await enterprise.GetObject($"/api/offtake-contracts/{id}");

        var s = view["settlement"]!;
        Assert.Equal(3_000.5m, (decimal)s["deliveredQuantity"]!);
        Assert.Equal(600_000 + 420_210, (long)s["paidFen"]!);
        Assert.Equal(100_000, (long)s["floorTopUpFen"]!);
        Assert.Equal(6_999.5m, (decimal)s["remainingQuantity"]!);
        Assert.Equal(0m, (decimal)s["shortfallQuantity"]!);
        Assert.Equal(view.ToJsonString(), (await coop.GetObject($"/api/offtake-contracts/{id}")).ToJsonString());
        Assert.Equal(id, (string?)(await (await app.As("operator")).GetObject($"/api/offtake-contracts/{id}"))["id"]);

        var ours = await enterprise.GetObject("/api/enterprises/ent-qianfeng/offtake-contracts?status=Active&limit=200");
        var theirs = await coop.GetObject("/api/cooperatives/coop-pzcili/offtake-contracts?limit=200");
        Assert.Contains(ours["items"]!.AsArray(), c => (string?)c!["id"] == id && (decimal)c["deliveredQuantity"]! == 3_000.5m);
        Assert.Contains(theirs["items"]!.AsArray(), c => (string?)c!["id"] == id);

        // Each step's audit entry was written by the contract with the change, naming who took it.
        var audit = await (await app.As("operator")).GetArray($"/api/audit?resourceType=offtake-contract&resourceId={id}");
        Assert.Equal(["offtake.deliver", "offtake.deliver", "offtake.accept", "offtake.propose"], audit.Select(e => (string?)e!["action"]));
        Assert.StartsWith("ent.qianfeng", (string?)audit[0]!["actor"]);
        Assert.Equal("PZ-A2", (string?)JsonNode.Parse((string)audit[0]!["after"]!)!["reference"]);
        Assert.Equal(("\"Proposed\"", "\"Active\""), ((string?)audit[2]!["before"], (string?)audit[2]!["after"]));
    }

    [Fact]
    public async Task OnlyThePartiesAndOperatorsSeeAContract()
    {
        var id = await ProposedAsync();
        var path = $"/api/offtake-contracts/{id}";

        foreach (var stranger in new[] { "coop.xiuwen", "buyer.canteen", "farmer.pz01" })
        {
            using var get = await (await app.As(stranger)).Get(path);
            await get.AssertProblem(HttpStatusCode.Forbidden);
        }
        using (var anonymous = await app.Anonymous().Get(path))
            await anonymous.AssertProblem(HttpStatusCode.Unauthorized);
        // An unknown id looks like a foreign one, except to operators.
        using (var unknown = await (await app.As("coop.panzhou")).Get("/api/offtake-contracts/off-nosuchcontract"))
            await unknown.AssertProblem(HttpStatusCode.Forbidden);
        using (var unknownToOperator = await (await app.As("operator")).Get("/api/offtake-contracts/off-nosuchcontract"))
            Assert.Equal("offtake-contract.not-found", (await unknownToOperator.AssertProblem(HttpStatusCode.NotFound)).Code());
        using (var otherList = await (await app.As("coop.xiuwen")).Get("/api/cooperatives/coop-pzcili/offtake-contracts"))
            await otherList.AssertProblem(HttpStatusCode.Forbidden);
        using (var otherEnterprise = await (await app.As("ent.qianfeng")).Get("/api/enterprises/ent-panshan/offtake-contracts"))
            await otherEnterprise.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task EachStepBelongsToOneParty()
    {
        var enterprise = await app.As("ent.qianfeng");
        var coop = await app.As("coop.panzhou");
        var id = await ProposedAsync();

        using (var forOther = await enterprise.SendJson(HttpMethod.Post, "/api/enterprises/ent-panshan/offtake-contracts", Proposal()))
            await forOther.AssertProblem(HttpStatusCode.Forbidden);
        using (var byCoop = await coop.SendJson(HttpMethod.Post, Propose, Proposal()))
            await byCoop.AssertProblem(HttpStatusCode.Forbidden);
        using (var acceptedByEnterprise = await enterprise.Post($"/api/offtake-contracts/{id}/accept"))
            await acceptedByEnterprise.AssertProblem(HttpStatusCode.Forbidden);
        using (var otherCoop = await (await app.As("coop.xiuwen")).Post($"/api/offtake-contracts/{id}/accept"))
            await otherCoop.AssertProblem(HttpStatusCode.Forbidden);
        using (var early = await coop.SendJson(HttpMethod.Post, $"/api/offtake-contracts/{id}/deliveries", Delivery("PZ-B1", 1m, 250)))
            Assert.Equal("offtake.illegal-transition", (await early.AssertProblem(HttpStatusCode.Conflict)).Code());
        using (var declined = await coop.SendJson(HttpMethod.Post, $"/api/offtake-contracts/{id}/decline", new JsonObject { ["reason"] = "今年产量不足" }))
            Assert.Equal("Declined", (string?)(await declined.AssertOk())["status"]);
        using (var completed = await coop.Post($"/api/offtake-contracts/{id}/complete"))
            await completed.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RefusedDeliveriesAreProblemsAndChangeNothing()
    {
        var coop = await app.As("coop.panzhou");
        var id = await ActiveAsync();
        var path = $"/api/offtake-contracts/{id}";
        using (var first = await coop.SendJson(HttpMethod.Post, path + "/deliveries", Delivery("PZ-C1", 10_000m, 250)))
            await first.AssertOk();
        var before = await coop.Snapshot(path);

        using var outside = await coop.SendJson(HttpMethod.Post, path + "/deliveries", Delivery("PZ-C2", 1m, 250, dayOffset: -21));
        using var over = await coop.SendJson(HttpMethod.Post, path + "/deliveries", Delivery("PZ-C3", 1_000.001m, 250));
        using var reused = await coop.SendJson(HttpMethod.Post, path + "/deliveries", Delivery("PZ-C1", 9_999m, 250));
        using var future = await coop.SendJson(HttpMethod.Post, path + "/deliveries", Delivery("PZ-C4", 1m, 250, dayOffset: 2));
        using var blank = await coop.SendJson(HttpMethod.Post, path + "/deliveries", """{"reference":" ","date":"2026-01-01","quantity":0,"marketPriceFen":0}""");
        using var malformed = await coop.SendJson(HttpMethod.Post, path + "/deliveries", """{"reference":"PZ-C5","date":"yesterday"}""");
        using var repeat = await coop.SendJson(HttpMethod.Post, path + "/deliveries", Delivery("PZ-C1", 10_000m, 250));

        Assert.Equal("offtake.outside-window", (await outside.AssertProblem(HttpStatusCode.UnprocessableEntity)).Code());
        Assert.Equal("offtake.over-delivery", (await over.AssertProblem(HttpStatusCode.UnprocessableEntity)).Code());
        Assert.Equal("offtake.reference-reused", (await reused.AssertProblem(HttpStatusCode.Conflict)).Code());
        await future.AssertValidationProblem("date");
        await blank.AssertValidationProblem("reference", "quantity", "marketPriceFen");
        await malformed.AssertProblem(HttpStatusCode.BadRequest);
        await repeat.AssertOk();
        Assert.Equal(before, await coop.Snapshot(path));
    }

    [Fact]
    public async Task TerminationNeedsAReasonAndShowsTheShortfall()
    {
        var enterprise = await app.As("ent.qianfeng");
        var id = await ActiveAsync();
        var path = $"/api/offtake-contracts/{id}";

        using var noReason = await enterprise.SendJson(HttpMethod.Post, path + "/terminate", new JsonObject());
        using var early = await enterprise.Post(path + "/complete");
        using var terminated = await enterprise.SendJson(HttpMethod.Post, path + "/terminate", new JsonObject { ["reason"] = "冰雹减产，协商终止" });

        await noReason.AssertValidationProblem("reason");
        Assert.Equal("offtake.window-open", (await early.AssertProblem(HttpStatusCode.Conflict)).Code());
        var view = await terminated.AssertOk();
        Assert.Equal("Terminated", (string?)view["status"]);
        Assert.Equal(10_000m, (decimal)view["settlement"]!["shortfallQuantity"]!);
        Assert.Equal(3_000_000, (long)view["settlement"]!["shortfallAtFloorFen"]!);
    }

    [Theory]
    [InlineData("coop-nosuchcoop", 300, "cooperativeId")]
    [InlineData("coop-pzcili", 0, "floorPriceFen")]
    public async Task MalformedProposalsAreBadRequests(string cooperativeId, long floor, string field)
    {
        using var response = await (await app.As("ent.qianfeng")).SendJson(HttpMethod.Post, Propose, Proposal(cooperativeId, floor));

        await response.AssertValidationProblem(field);
    }

    [Fact]
    public async Task ProposalWithoutTermsOrWithAnUnknownUnitIsABadRequest()
    {
        var enterprise = await app.As("ent.qianfeng");
        var badUnit = Proposal();
        badUnit["terms"]!["unit"] = "Bushel";

        using var noTerms = await enterprise.SendJson(HttpMethod.Post, Propose, new JsonObject { ["cooperativeId"] = "coop-pzcili" });
        using var unknownUnit = await enterprise.SendJson(HttpMethod.Post, Propose, badUnit);

        await noTerms.AssertValidationProblem("terms");
        await unknownUnit.AssertProblem(HttpStatusCode.BadRequest);
    }
}

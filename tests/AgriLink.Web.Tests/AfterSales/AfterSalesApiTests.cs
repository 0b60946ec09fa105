using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Dividends;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.AfterSales;

/// <summary>
/// After-sales of an invoiced order: each refusal is a problem that changes nothing (unknown order 404, the wrong party 403,
/// bad fields 400, not delivered, twice or the wrong step 409, more than paid 422); the cooperative proposes, the buyer
/// escalates, the operator decides, and the refund is a credit note with its own number. Fresh listings, so the lists are this test's.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class AfterSalesApiTests(SeededApp app)
{
    private const string Canteen = "buyer-gzcanteen";

    [Fact]
    public async Task AnEscalatedCaseIsDecidedByTheOperatorAndRefundedByANumberedCreditNote()
    {
        var canteen = await app.As("buyer.canteen");
        var panzhou = await app.ActiveListing("coop.panzhou", "coop-pzcili", Listings.Draft(title: "售后测试刺梨"));
        var xiuwen = await app.ActiveListing("coop.xiuwen", "coop-xwkiwi", Listings.KiwiDraft("售后测试猕猴桃"));
        var orderId = await canteen.PlaceInvoiceOrder( (panzhou, 10), (xiuwen, 2));
        var cases = $"/api/orders/{orderId}/aftersales";
        foreach (var (cooperative, admin) in new[] { ("coop-pzcili", "coop.panzhou"), ("coop-xwkiwi", "coop.xiuwen") })
            using (var shipped = await (await app.As(admin)).Post($"/api/orders/{orderId}/suborders/{cooperative}/ship")) await shipped.AssertOk();
        using (var delivered = await canteen.Post($"/api/orders/{orderId}/suborders/coop-pzcili/deliver")) await delivered.AssertOk();
        var paid = (long)(await canteen.GetObject($"/api/orders/{orderId}"))["subOrders"]!.AsArray()
            .Single(s => (string?)s!["cooperativeId"] == "coop-pzcili")!["amountFen"]!;

        // Refusals, each changing nothing.
        using (var unknown = await canteen.SendJson(HttpMethod.Post, "/api/orders/ord-0000000000000000/aftersales", Ask("coop-pzcili", 100)))
            await unknown.AssertProblem(HttpStatusCode.NotFound);
        using (var stranger = await (await app.As("buyer.union")).SendJson(HttpMethod.Post, cases, Ask("coop-pzcili", 100)))
            await stranger.AssertProblem(HttpStatusCode.Forbidden);
        using (var seller = await (await app.As("coop.panzhou")).SendJson(HttpMethod.Post, cases, Ask("coop-pzcili", 100)))
            await seller.AssertProblem(HttpStatusCode.Forbidden);
        using (var invalid = await canteen.SendJson(HttpMethod.Post, cases, Ask("coop-pzcili", 0, reason: " ")))
            await invalid.AssertValidationProblem("amountFen", "reason");
        using (var early = await canteen.SendJson(HttpMethod.Post, cases, Ask("coop-xwkiwi", 100)))
            Assert.Equal("aftersales.not-delivered", (await early.AssertProblem(HttpStatusCode.Conflict)).Code());
        using (var over = await canteen.SendJson(HttpMethod.Post, cases, Ask("coop-pzcili", paid + 1)))
            Assert.Equal("aftersales.amount-exceeds", (await over.AssertProblem(HttpStatusCode.UnprocessableEntity)).Code());
        using (var none = await canteen.Get($"{cases}/coop-pzcili")) await none.AssertProblem(HttpStatusCode.NotFound);

        using (var asked = await canteen.SendJson(HttpMethod.Post, cases, Ask("coop-pzcili", paid)))
            Assert.Equal("Requested", (string?)(await asked.AssertOk(HttpStatusCode.Created))["status"]);
        using (var twice = await canteen.SendJson(HttpMethod.Post, cases, Ask("coop-pzcili", 1)))
            Assert.Equal("aftersales.exists", (await twice.AssertProblem(HttpStatusCode.Conflict)).Code());
        using (var notYet = await canteen.SendJson(HttpMethod.Post, $"{cases}/coop-pzcili/reply", new JsonObject { ["accept"] = true }))
            Assert.Equal("aftersales.wrong-state", (await notYet.AssertProblem(HttpStatusCode.Conflict)).Code());
        using (var foreign = await (await app.As("coop.xiuwen")).SendJson(HttpMethod.Post, $"{cases}/coop-pzcili/answer", new JsonObject { ["answer"] = "Accept" }))
            await foreign.AssertProblem(HttpStatusCode.Forbidden);
        using (var notOperator = await canteen.SendJson(HttpMethod.Post, $"{cases}/coop-pzcili/decide", new JsonObject { ["amountFen"] = 1, ["note"] = "x" }))
            await notOperator.AssertProblem(HttpStatusCode.Forbidden);

        // The cooperative proposes half; the buyer escalates; the operator's queue holds it; the operator decides 60%.
        var coop = await app.As("coop.panzhou");
        using (var proposed = await coop.SendJson(HttpMethod.Post, $"{cases}/coop-pzcili/answer",
                   new JsonObject { ["answer"] = "Propose", ["amountFen"] = paid / 2, ["note"] = "坏果约一半" }))
            Assert.Equal(paid / 2, (long)(await proposed.AssertOk())["proposedFen"]!);
        Assert.Contains((await coop.GetObject("/api/cooperatives/coop-pzcili/aftersales?limit=200"))["items"]!.AsArray(),
            c => (string?)c!["id"] == $"{orderId}:coop-pzcili");
        using (var escalated = await canteen.SendJson(HttpMethod.Post, $"{cases}/coop-pzcili/reply", new JsonObject { ["accept"] = false, ["note"] = "整箱都坏了" }))
            Assert.Equal("Escalated", (string?)(await escalated.AssertOk())["status"]);
        var op = await app.As("operator");
        Assert.Contains((await op.GetObject("/api/aftersales?status=Escalated&limit=200"))["items"]!.AsArray(), c => (string?)c!["id"] == $"{orderId}:coop-pzcili");
        using (var queueByBuyer = await canteen.Get("/api/aftersales")) await queueByBuyer.AssertProblem(HttpStatusCode.Forbidden);
        using (var tooMuch = await op.SendJson(HttpMethod.Post, $"{cases}/coop-pzcili/decide", new JsonObject { ["amountFen"] = paid + 1, ["note"] = "全额" }))
            Assert.Equal("aftersales.amount-exceeds", (await tooMuch.AssertProblem(HttpStatusCode.UnprocessableEntity)).Code());
        var agreed = paid * 6 / 10;
        JsonObject decided;
        using (var decision = await op.SendJson(HttpMethod.Post, $"{cases}/coop-pzcili/decide", new JsonObject { ["amountFen"] = agreed, ["note"] = "照片显示六成损坏" }))
            decided = await decision.AssertOk();
        Assert.Equal("Refunded", (string?)decided["status"]);
        var number = (string)decided["refundReference"]!;
        Assert.Matches(@"^coop-pzcili-CN-\d{4}-\d{6}$", number);

        // The order counts the refund; the buyer's list shows the case refunded; the audit has each step, and the credit note.
        var sub = (await canteen.GetObject($"/api/orders/{orderId}"))["subOrders"]!.AsArray().Single(s => (string?)s!["cooperativeId"] == "coop-pzcili")!;
        Assert.Equal(agreed, (long)sub["refundedFen"]!);
        Assert.Equal("Delivered", (string?)sub["status"]);
        var mine = (await canteen.GetObject($"/api/buyers/{Canteen}/aftersales?limit=200"))["items"]!.AsArray().Single(c => (string?)c!["id"] == $"{orderId}:coop-pzcili")!;
        Assert.Equal(("Refunded", number), ((string?)mine["status"], (string?)mine["refundReference"]));
        var audit = await op.GetArray($"/api/audit?resourceType=aftersales&resourceId={orderId}:coop-pzcili&limit=50");
        Assert.Equal(["aftersales.request", "aftersales.propose", "aftersales.escalate", "aftersales.decide", "aftersales.decide"],
            audit.Select(e => (string?)e!["action"]).Reverse());
        Assert.Single(await op.GetArray($"/api/audit?resourceType=credit-note&resourceId={number}&limit=5"));
        using (var again = await op.SendJson(HttpMethod.Post, $"{cases}/coop-pzcili/decide", new JsonObject { ["amountFen"] = 1, ["note"] = "再来" }))
            Assert.Equal("aftersales.wrong-state", (await again.AssertProblem(HttpStatusCode.Conflict)).Code());
    }

    private static JsonObject Ask(string cooperativeId, long amountFen, string reason = "到货时约一半已腐烂，附照片") =>
        new() { ["cooperativeId"] = cooperativeId, ["amountFen"] = amountFen, ["reason"] = reason };
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Invoices;

[Collection(SeededAppCollection.Name)]
public sealed class InvoicesApiTests(SeededApp app)
{
    private const string Canteen = "buyer-gzcanteen";

    /// <summary>The month the app's (real) clock is in, China time: what a delivery today belongs to.</summary>
    private static string ThisMonth => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");

    private static string Today => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>buyer.canteen orders a fresh coop-pzcili listing by invoice; the cooperative ships and the canteen confirms delivery.</summary>
    private async Task<string> DeliveredCanteenOrder(decimal quantity)
    {
        var coop = await app.As("coop.panzhou");
        var listing = await coop.CreateDraft("coop-pzcili", Listings.Draft(priceFen: 730));
        using (var published = await coop.Post($"/api/listings/{listing}/publish")) await published.AssertOk();
        var canteen = await app.As("buyer.canteen");
        var order = new JsonObject
        {
            ["buyerId"] = Canteen,
            ["paymentMethod"] = "Invoice",
            ["lines"] = new JsonArray(new JsonObject { ["listingId"] = listing, ["quantity"] = quantity }),
            ["deliveryRegionCode"] = "440103",
            ["deliveryAddress"] = "广州市荔湾区中山七路 1 号机关食堂",
        };
        string id;
        using (var placed = await canteen.Post("/api/orders", Json(order))) id = (string)(await placed.AssertOk(HttpStatusCode.Created))["id"]!;
        using (var shipped = await coop.Post($"/api/orders/{id}/suborders/coop-pzcili/ship")) await shipped.AssertOk();
        using (var delivered = await canteen.Post($"/api/orders/{id}/suborders/coop-pzcili/deliver"))
            Assert.Equal("Delivered", (string)(await delivered.AssertOk())["status"]!);
        return id;
    }

    private async Task<JsonObject> IssueCanteenInvoice()
    {
        using var issued = await (await app.As("coop.panzhou")).Post("/api/cooperatives/coop-pzcili/invoices",
            Json(new JsonObject { ["buyerId"] = Canteen, ["month"] = ThisMonth }));
        return await issued.AssertOk(issued.StatusCode == HttpStatusCode.Created ? HttpStatusCode.Created : HttpStatusCode.OK);
    }

    [Fact]
    public async Task ACanteenIsInvoicedForItsDeliveredOrderAndTheCooperativeRecordsThePayment()
    {
        var orderId = await DeliveredCanteenOrder(12);

        var invoice = await IssueCanteenInvoice();
        var number = (string)invoice["number"]!;
        Assert.StartsWith($"coop-pzcili-{ThisMonth[..4]}-", number, StringComparison.Ordinal);
        Assert.Contains(orderId, invoice["orderIds"]!.AsArray().Select(o => (string)o!));
        Assert.Equal(Canteen, (string)invoice["buyer"]!["id"]!);
        Assert.False(string.IsNullOrEmpty((string?)invoice["seller"]!["creditCode"]));
        var total = (long)invoice["totalFen"]!;
        Assert.Equal(total, invoice["lines"]!.AsArray().Sum(l => (long)l!["amountFen"]!));
        Assert.EndsWith(total % 100 == 0 ? "整" : total % 10 == 0 ? "角" : "分", (string)invoice["totalInWords"]!);
        var line = invoice["lines"]!.AsArray().Single(l => (string)l!["orderId"]! == orderId)!;
        Assert.Equal(12 * 730, (long)line["amountFen"]!);
        Assert.Equal(number, (string)(await (await app.As("buyer.canteen")).GetObject($"/api/orders/{orderId}"))["subOrders"]![0]!["invoiceNumber"]!);

        // Reading and listing: the seller's admins, the buyer and operators; nobody else.
        foreach (var reader in new[] { "coop.panzhou", "coop.panzhou.finance", "buyer.canteen", "operator" })
            Assert.Equal(number, (string)(await (await app.As(reader)).GetObject($"/api/invoices/{number}"))["number"]!);
        foreach (var stranger in new[] { "buyer.union", "buyer.consumer", "coop.xiuwen", "farmer.pz01", "ent.qianfeng" })
            using (var denied = await (await app.As(stranger)).Get($"/api/invoices/{number}")) await denied.AssertProblem(HttpStatusCode.Forbidden);
        var sellerList = await (await app.As("coop.panzhou")).GetObject("/api/cooperatives/coop-pzcili/invoices");
        Assert.Contains(sellerList["items"]!.AsArray(), i => (string)i!["number"]! == number);
        var buyerList = await (await app.As("buyer.canteen")).GetObject($"/api/buyers/{Canteen}/invoices");
        Assert.Contains(buyerList["items"]!.AsArray(), i => (string)i!["number"]! == number);
        using (var union = await (await app.As("buyer.union")).Get($"/api/buyers/{Canteen}/invoices")) await union.AssertProblem(HttpStatusCode.Forbidden);
        using (var other = await (await app.As("coop.xiuwen")).Get("/api/cooperatives/coop-pzcili/invoices")) await other.AssertProblem(HttpStatusCode.Forbidden);

        // Payment: only the seller's side, only the exact total, then every covered sub-order is completed.
        var payment = new JsonObject { ["bankReference"] = "ICBC-20261130-88123", ["amountFen"] = total, ["receivedOn"] = Today };
        using (var byBuyer = await (await app.As("buyer.canteen")).Post($"/api/invoices/{number}/payment", Json(payment)))
            await byBuyer.AssertProblem(HttpStatusCode.Forbidden);
        using (var wrong = await (await app.As("coop.panzhou")).Post($"/api/invoices/{number}/payment", Json(new JsonObject
               { ["bankReference"] = "ICBC-20261130-88123", ["amountFen"] = total + 1, ["receivedOn"] = Today })))
            Assert.Equal("urn:agrilink:problem:invoice.amount-mismatch", (string)(await wrong.AssertProblem(HttpStatusCode.UnprocessableEntity))["type"]!);
        using (var paid = await (await app.As("coop.panzhou.finance")).Post($"/api/invoices/{number}/payment", Json(payment)))
        {
            var body = await paid.AssertOk();
            Assert.Equal("Paid", (string)body["status"]!);
            Assert.Equal("ICBC-20261130-88123", (string)body["payment"]!["bankReference"]!);
        }

        using (var retried = await (await app.As("coop.panzhou")).Post($"/api/invoices/{number}/payment", Json(payment)))
            Assert.Equal("Paid", (string)(await retried.AssertOk())["status"]!);
        var order = await (await app.As("buyer.canteen")).GetObject($"/api/orders/{orderId}");
        Assert.Equal("Completed", (string)order["subOrders"]![0]!["status"]!);
        Assert.Equal("Completed", (string)order["status"]!);

        // The book wrote the issue and the payment (once: the retry changed nothing) with the invoice.
        var audit = await (await app.As("operator")).GetArray($"/api/audit?resourceType=invoice&resourceId={number}");
        Assert.Equal(["invoice.pay", "invoice.issue"], audit.Select(e => (string?)e!["action"]));
        Assert.StartsWith("coop.panzhou.finance", (string?)audit[0]!["actor"]);
        Assert.Equal("Paid", (string?)JsonNode.Parse((string)audit[0]!["after"]!)!["status"]);
        Assert.Equal("Issued", (string?)JsonNode.Parse((string)audit[0]!["before"]!)!["status"]);
        Assert.Equal(number, (string?)JsonNode.Parse((string)audit[1]!["after"]!)!["number"]);
        Assert.Null((string?)audit[1]!["before"]);
    }

    [Fact]
    public async Task TheInvoiceDownloadsAsCsvWithBomAndAsXlsx()
    {
        await DeliveredCanteenOrder(6);
        var invoice = await IssueCanteenInvoice();
        var number = (string)invoice["number"]!;
        var canteen = await app.As("buyer.canteen");

        using var csv = await canteen.Get($"/api/invoices/{number}/document?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Api.Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith($"发票号码,{number}", text, StringComparison.Ordinal);
        Assert.Contains((string)invoice["totalInWords"]!, text, StringComparison.Ordinal);
        Assert.Contains("盘州市普古乡舍烹刺梨种植农民专业合作社", text, StringComparison.Ordinal);

        using var xlsx = await canteen.Get($"/api/invoices/{number}/document?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var workbook = await xlsx.Content.ReadAsByteArrayAsync(Api.Ct);
        Assert.Equal("PK"u8.ToArray(), workbook[..2]);

        using (var bad = await canteen.Get($"/api/invoices/{number}/document?format=pdf")) await bad.AssertValidationProblem("format");
        using (var stranger = await (await app.As("buyer.union")).Get($"/api/invoices/{number}/document")) await stranger.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BadRequestsGetProblemsAndChangeNothing()
    {
        var coop = await app.As("coop.congjiang");
        var before = (await coop.GetObject("/api/cooperatives/coop-cjxiang/invoices"))["items"]!.AsArray().Count;

        using (var nothing = await coop.Post("/api/cooperatives/coop-cjxiang/invoices", Json(new JsonObject { ["buyerId"] = "buyer-zhangwei", ["month"] = ThisMonth })))
            Assert.Equal("urn:agrilink:problem:invoice.nothing-to-invoice", (string)(await nothing.AssertProblem(HttpStatusCode.UnprocessableEntity))["type"]!);
        using (var future = await coop.Post("/api/cooperatives/coop-cjxiang/invoices", Json(new JsonObject { ["buyerId"] = "buyer-zhangwei", ["month"] = "2099-01" })))
            await future.AssertProblem(HttpStatusCode.UnprocessableEntity);
        using (var month = await coop.Post("/api/cooperatives/coop-cjxiang/invoices", Json(new JsonObject { ["buyerId"] = "buyer-zhangwei", ["month"] = "2026-13" })))
            await month.AssertValidationProblem("month");
        using (var fields = await coop.Post("/api/cooperatives/coop-cjxiang/invoices", Json(new JsonObject())))
            await fields.AssertValidationProblem("buyerId", "month");
        using (var foreign = await (await app.As("coop.panzhou")).Post("/api/cooperatives/coop-cjxiang/invoices",
                   Json(new JsonObject { ["buyerId"] = "buyer-zhangwei", ["month"] = ThisMonth })))
            await foreign.AssertProblem(HttpStatusCode.Forbidden);
        using (var byBuyer = await (await app.As("buyer.canteen")).Post("/api/cooperatives/coop-pzcili/invoices",
                   Json(new JsonObject { ["buyerId"] = Canteen, ["month"] = ThisMonth })))
            await byBuyer.AssertProblem(HttpStatusCode.Forbidden);

        var operatorClient = await app.As("operator");
        using (var missing = await operatorClient.Get("/api/invoices/coop-cjxiang-2026-999999")) await missing.AssertProblem(HttpStatusCode.NotFound);
        using (var malformed = await operatorClient.Get("/api/invoices/not-a-number")) await malformed.AssertProblem(HttpStatusCode.NotFound);
        using (var payMissing = await operatorClient.Post("/api/invoices/coop-cjxiang-2026-999999/payment",
                   Json(new JsonObject { ["bankReference"] = "X-1", ["amountFen"] = 100, ["receivedOn"] = Today })))
            await payMissing.AssertProblem(HttpStatusCode.NotFound);
        using (var payFields = await operatorClient.Post("/api/invoices/coop-cjxiang-2026-000001/payment", Json(new JsonObject { ["amountFen"] = 0 })))
            await payFields.AssertValidationProblem("bankReference", "amountFen", "receivedOn");

        Assert.Equal(before, (await coop.GetObject("/api/cooperatives/coop-cjxiang/invoices"))["items"]!.AsArray().Count);
    }
}

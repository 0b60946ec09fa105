using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Orders;

/// <summary>
/// Delivery details and shipping through the API (issue 17, fulfilment): the recipient, phone and requested date checked
/// field by field; the phone shown only to the buyer, operators and the cooperatives that deliver to it, per object; the
/// carrier and tracking number recorded with the shipment, read by the buyer and kept in the audit entry.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class FulfilmentApiTests(SeededApp app)
{
    private const string Canteen = "buyer-gzcanteen";
    private const string Phone = "13912345678";

    private async Task<string> ActiveListing(string admin, string cooperativeId)
    {
        var client = await app.As(admin);
        var id = await client.CreateDraft(cooperativeId, Listings.Draft());
        using var published = await client.Post($"/api/listings/{id}/publish");
        await published.AssertOk();
        return id;
    }

    private static JsonObject Order(params (string Listing, decimal Quantity)[] lines) => new()
    {
        ["buyerId"] = Canteen,
        ["paymentMethod"] = "Invoice",
        ["lines"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject { ["listingId"] = l.Listing, ["quantity"] = l.Quantity }).ToArray()),
        ["deliveryRegionCode"] = "440103",
        ["deliveryAddress"] = "广州市荔湾区中山七路 1 号机关食堂",
        ["recipientName"] = "陈晓燕",
        ["recipientPhone"] = "139 1234 5678",
        ["requestedDeliveryDate"] = ChinaToday().AddDays(3).ToString("yyyy-MM-dd"),
        ["note"] = "请走后门卸货",
    };

    private static DateOnly ChinaToday() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private async Task<string> Place(JsonObject order)
    {
        using var response = await (await app.As("buyer.canteen")).SendJson(HttpMethod.Post, "/api/orders", order);
        return (string)(await response.AssertOk(HttpStatusCode.Created))["id"]!;
    }

    private async Task<HttpResponseMessage> Ship(string admin, string orderId, string cooperativeId, JsonObject body) =>
        await (await app.As(admin)).SendJson(HttpMethod.Post, $"/api/orders/{orderId}/suborders/{cooperativeId}/ship", body);

    [Fact]
    public async Task DeliveryDetailsAreCheckedFieldByFieldAndABadOnePlacesNothing()
    {
        var listing = await ActiveListing("coop.panzhou", "coop-pzcili");
        var bad = Order((listing, 10));
        bad["recipientPhone"] = "12345";
        bad["requestedDeliveryDate"] = ChinaToday().AddDays(-1).ToString("yyyy-MM-dd");
        var nameless = Order((listing, 10));
        nameless.Remove("recipientName");
        var tooLate = Order((listing, 10));
        tooLate["requestedDeliveryDate"] = ChinaToday().AddDays(Domain.Orders.OrderRules.MaxDaysAhead + 1).ToString("yyyy-MM-dd");
        var buyer = await app.As("buyer.canteen");

        using (var refused = await buyer.SendJson(HttpMethod.Post, "/api/orders", bad))
            await refused.AssertValidationProblem("recipientPhone", "requestedDeliveryDate");
        using (var refused = await buyer.SendJson(HttpMethod.Post, "/api/orders", nameless))
            await refused.AssertValidationProblem("recipientName");
        using (var refused = await buyer.SendJson(HttpMethod.Post, "/api/orders", tooLate))
            await refused.AssertValidationProblem("requestedDeliveryDate");

        Assert.Equal(100m, (decimal)(await buyer.GetObject($"/api/listings/{listing}"))["draft"]!["stock"]!);
        // The same order, well formed, is placed with its details; the phone in its one stored form.
        var id = await Place(Order((listing, 10)));
        var order = await buyer.GetObject($"/api/orders/{id}");
        Assert.Equal("陈晓燕", (string)order["recipientName"]!);
        Assert.Equal(Phone, (string)order["recipientPhone"]!);
        Assert.Equal(ChinaToday().AddDays(3).ToString("yyyy-MM-dd"), (string)order["requestedDeliveryDate"]!);
        Assert.Equal("请走后门卸货", (string)order["note"]!);
    }

    [Fact]
    public async Task ThePhoneReachesOnlyTheBuyerOperatorsAndTheCooperativesThatDeliverToIt()
    {
        var panzhou = await ActiveListing("coop.panzhou", "coop-pzcili");
        var xiuwen = await ActiveListing("coop.xiuwen", "coop-xwkiwi");
        var id = await Place(Order((panzhou, 10), (xiuwen, 10)));

        Assert.Equal(Phone, (string?)(await (await app.As("buyer.canteen")).GetObject($"/api/orders/{id}"))["recipientPhone"]);
        Assert.Equal(Phone, (string?)(await (await app.As("operator")).GetObject($"/api/orders/{id}"))["recipientPhone"]);
        Assert.Equal(Phone, (string?)(await (await app.As("coop.panzhou")).GetObject($"/api/orders/{id}"))["recipientPhone"]);
        Assert.Equal(Phone, (string?)(await (await app.As("coop.xiuwen")).GetObject($"/api/orders/{id}"))["recipientPhone"]);
        using (var stranger = await (await app.As("coop.meitan")).Get($"/api/orders/{id}")) await stranger.AssertProblem(HttpStatusCode.Forbidden);
        using (var otherBuyer = await (await app.As("buyer.consumer")).Get($"/api/orders/{id}")) await otherBuyer.AssertProblem(HttpStatusCode.Forbidden);

        // 修文 cancels its part: it no longer delivers, so it no longer reads the phone; 盘州 still does.
        using (var cancelled = await (await app.As("coop.xiuwen")).SendJson(HttpMethod.Post, $"/api/orders/{id}/cancel",
                   new JsonObject { ["reason"] = "缺货", ["cooperativeId"] = "coop-xwkiwi" }))
            await cancelled.AssertOk();
        var xiuwenView = await (await app.As("coop.xiuwen")).GetObject($"/api/orders/{id}");
        Assert.Null((string?)xiuwenView["recipientPhone"]);
        Assert.Equal("陈晓燕", (string)xiuwenView["recipientName"]!);
        Assert.DoesNotContain(Phone, xiuwenView.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(Phone, (string?)(await (await app.As("coop.panzhou")).GetObject($"/api/orders/{id}"))["recipientPhone"]);

        // Neither list carries it, and the pages say the same as the API.
        Assert.DoesNotContain(Phone, await (await app.As("coop.panzhou")).GetText("/api/cooperatives/coop-pzcili/orders"), StringComparison.Ordinal);
        var panzhouPage = await app.Factory.SignedIn("coop.panzhou");
        Assert.Contains(Phone, await panzhouPage.GetText($"/cooperative/orders/{id}"), StringComparison.Ordinal);
        Assert.Contains(Phone, await panzhouPage.GetText($"/cooperative/orders/{id}/packing-slip"), StringComparison.Ordinal);
        var xiuwenPage = await app.Factory.SignedIn("coop.xiuwen");
        Assert.DoesNotContain(Phone, await xiuwenPage.GetText($"/cooperative/orders/{id}"), StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, await xiuwenPage.GetText($"/cooperative/orders/{id}/packing-slip"), StringComparison.Ordinal);
        var meitanPage = await app.Factory.SignedIn("coop.meitan");
        using (var foreign = await meitanPage.Get($"/cooperative/orders/{id}")) Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        using (var foreign = await meitanPage.Get($"/cooperative/orders/{id}/packing-slip")) Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        using (var notOurs = await panzhouPage.Get($"/cooperative/orders/{id}?coop=coop-xwkiwi")) Assert.Equal(HttpStatusCode.Forbidden, notOurs.StatusCode);
    }

    [Fact]
    public async Task ShippingRecordsTheCarrierAndTrackingNumberForTheBuyerAndTheAudit()
    {
        var listing = await ActiveListing("coop.panzhou", "coop-pzcili");
        var id = await Place(Order((listing, 10)));

        using (var shipped = await Ship("coop.panzhou", id, "coop-pzcili", new JsonObject { ["carrier"] = "Zto", ["trackingNumber"] = "7890 1234-5678" }))
            Assert.Equal("Shipped", (string)(await shipped.AssertOk())["status"]!);

        var sub = (await (await app.As("buyer.canteen")).GetObject($"/api/orders/{id}"))["subOrders"]![0]!;
        Assert.Equal("Zto", (string)sub["shipment"]!["carrier"]!);
        Assert.Equal("789012345678", (string)sub["shipment"]!["trackingNumber"]!);
        var entry = (await (await app.As("operator")).GetArray($"/api/audit?resourceType=order&resourceId={id}"))
            .First(e => (string?)e!["action"] == "order.ship")!;
        Assert.StartsWith("coop.panzhou", (string?)entry["actor"]);
        var after = JsonNode.Parse((string)entry["after"]!)!["subOrders"]![0]!["shipment"]!;
        Assert.Equal("Zto", (string)after["carrier"]!);
        Assert.Equal("789012345678", (string)after["trackingNumber"]!);
        Assert.Null(JsonNode.Parse((string)entry["before"]!)!["subOrders"]![0]!["shipment"]);

        // The buyer's page shows it; a second shipment of the same part is refused and changes nothing.
        var page = await (await app.Factory.SignedIn("buyer.canteen")).GetText($"/buyer/orders/{id}");
        Assert.Contains("789012345678", page, StringComparison.Ordinal);
        Assert.Contains("中通快递", page, StringComparison.Ordinal);
        using (var again = await Ship("coop.panzhou", id, "coop-pzcili", new JsonObject { ["carrier"] = "SfExpress", ["trackingNumber"] = "SF1234567890" }))
            await again.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ABadShipmentIsRefusedFieldByFieldAndOnlyTheSellerShips()
    {
        var listing = await ActiveListing("coop.panzhou", "coop-pzcili");
        var id = await Place(Order((listing, 10)));

        using (var r = await Ship("coop.panzhou", id, "coop-pzcili", new JsonObject { ["carrier"] = "SfExpress" })) await r.AssertValidationProblem("trackingNumber");
        using (var r = await Ship("coop.panzhou", id, "coop-pzcili", new JsonObject { ["carrier"] = "SfExpress", ["trackingNumber"] = "SF12" }))
            await r.AssertValidationProblem("trackingNumber");
        using (var r = await Ship("coop.panzhou", id, "coop-pzcili", new JsonObject { ["carrier"] = "SfExpress", ["trackingNumber"] = "顺丰1234567890" }))
            await r.AssertValidationProblem("trackingNumber");
        using (var r = await Ship("coop.panzhou", id, "coop-pzcili", new JsonObject { ["trackingNumber"] = "SF1234567890" })) await r.AssertValidationProblem("carrier");
        using (var r = await Ship("coop.panzhou", id, "coop-pzcili", new JsonObject { ["carrier"] = "OwnVehicle" })) await r.AssertValidationProblem("deliveryDate");
        using (var r = await Ship("coop.panzhou", id, "coop-pzcili", new JsonObject
               {
                   ["carrier"] = "OwnVehicle", ["deliveryDate"] = ChinaToday().AddDays(-2).ToString("yyyy-MM-dd"),
               }))
            await r.AssertValidationProblem("deliveryDate");
        using (var r = await Ship("coop.xiuwen", id, "coop-pzcili", new JsonObject { ["carrier"] = "SfExpress", ["trackingNumber"] = "SF1234567890" }))
            await r.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal("Placed", (string)(await (await app.As("buyer.canteen")).GetObject($"/api/orders/{id}"))["status"]!);

        // The cooperative's own vehicle: a delivery date and no tracking number.
        var on = ChinaToday().AddDays(1).ToString("yyyy-MM-dd");
        using (var own = await Ship("coop.panzhou", id, "coop-pzcili", new JsonObject { ["carrier"] = "OwnVehicle", ["deliveryDate"] = on }))
            await own.AssertOk();
        var shipment = (await (await app.As("buyer.canteen")).GetObject($"/api/orders/{id}"))["subOrders"]![0]!["shipment"]!;
        Assert.Equal("OwnVehicle", (string)shipment["carrier"]!);
        Assert.Equal(on, (string)shipment["deliveryDate"]!);
        Assert.Null((string?)shipment["trackingNumber"]);
    }
}

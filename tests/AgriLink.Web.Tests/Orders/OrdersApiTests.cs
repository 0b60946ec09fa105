using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Orders;

[Collection(SeededAppCollection.Name)]
public sealed class OrdersApiTests(SeededApp app)
{
    private const string Canteen = "buyer-gzcanteen";

    /// <summary>A fresh active listing of the cooperative, so orders never drain the demo's stock.</summary>
    private async Task<string> ActiveListing(string admin, string cooperativeId, long priceFen = 650)
    {
        var client = await app.As(admin);
        var id = await client.CreateDraft(cooperativeId, Listings.Draft(priceFen: priceFen));
        using var published = await client.Post($"/api/listings/{id}/publish");
        await published.AssertOk();
        return id;
    }

    private static JsonObject Order(string buyerId, params (string Listing, decimal Quantity)[] lines) => new()
    {
        ["buyerId"] = buyerId,
        ["paymentMethod"] = "Invoice",
        ["lines"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject { ["listingId"] = l.Listing, ["quantity"] = l.Quantity }).ToArray()),
        ["deliveryRegionCode"] = "440103",
        ["deliveryAddress"] = "广州市荔湾区中山七路 1 号机关食堂",
    };

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, JsonNode body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request, Api.Ct);
    }

    private async Task<JsonObject> Place(JsonObject order)
    {
        using var response = await Send(await app.As("buyer.canteen"), HttpMethod.Post, "/api/orders", order);
        return await response.AssertOk(HttpStatusCode.Created);
    }

    private async Task<decimal> StockOf(string listingId) =>
        (decimal)(await (await app.As("operator")).GetObject($"/api/listings/{listingId}"))["draft"]!["stock"]!;

    [Fact]
    public async Task ACanteenOrdersFromTwoCooperativesAndEachSeesOnlyItsOwnPart()
    {
        var panzhou = await ActiveListing("coop.panzhou", "coop-pzcili");
        var xiuwen = await ActiveListing("coop.xiuwen", "coop-xwkiwi", priceFen: 1280);

        var order = await Place(Order(Canteen, (panzhou, 10), (xiuwen, 5)));
        var id = (string)order["id"]!;

        Assert.Equal(["coop-pzcili", "coop-xwkiwi"], order["subOrders"]!.AsArray().Select(s => (string)s!["cooperativeId"]!));
        Assert.Equal(6500 + 6400, (long)order["totalFen"]!);
        Assert.Equal("Placed", (string)order["status"]!);

        var own = await (await app.As("buyer.canteen")).GetObject($"/api/orders/{id}");
        Assert.Equal(2, own["subOrders"]!.AsArray().Count);
        var part = await (await app.As("coop.panzhou")).GetObject($"/api/orders/{id}");
        var sub = Assert.Single(part["subOrders"]!.AsArray());
        Assert.Equal("coop-pzcili", (string)sub!["cooperativeId"]!);
        Assert.Equal(6500, (long)part["totalFen"]!);
        Assert.Equal(2, (await (await app.As("operator")).GetObject($"/api/orders/{id}"))["subOrders"]!.AsArray().Count);

        using (var other = await (await app.As("buyer.consumer")).Get($"/api/orders/{id}")) await other.AssertProblem(HttpStatusCode.Forbidden);
        using (var stranger = await (await app.As("coop.meitan")).Get($"/api/orders/{id}")) await stranger.AssertProblem(HttpStatusCode.Forbidden);

        var incoming = await (await app.As("coop.xiuwen")).GetObject("/api/cooperatives/coop-xwkiwi/orders?status=Placed");
        var summary = incoming["items"]!.AsArray().Single(i => (string)i!["orderId"]! == id)!;
        Assert.Equal(6400, (long)summary["amountFen"]!);
        using (var foreign = await (await app.As("coop.xiuwen")).Get("/api/cooperatives/coop-pzcili/orders")) await foreign.AssertProblem(HttpStatusCode.Forbidden);
        var mine = await (await app.As("buyer.canteen")).GetObject($"/api/buyers/{Canteen}/orders");
        Assert.Contains(mine["items"]!.AsArray(), i => (string)i!["orderId"]! == id);
        using (var union = await (await app.As("buyer.union")).Get($"/api/buyers/{Canteen}/orders")) await union.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OnlyTheSellerShipsAndOnlyTheBuyerConfirmsDelivery()
    {
        var listing = await ActiveListing("coop.panzhou", "coop-pzcili");
        var id = (string)(await Place(Order(Canteen, (listing, 6))))["id"]!;
        var ship = $"/api/orders/{id}/suborders/coop-pzcili/ship";
        var deliver = $"/api/orders/{id}/suborders/coop-pzcili/deliver";

        using (var byBuyer = await (await app.As("buyer.canteen")).Post(ship))
            Assert.Equal("urn:agrilink:problem:order.not-allowed", (string)(await byBuyer.AssertProblem(HttpStatusCode.Conflict))["type"]!);
        using (var byOtherCoop = await (await app.As("coop.xiuwen")).Post(ship)) await byOtherCoop.AssertProblem(HttpStatusCode.Forbidden);
        using (var early = await (await app.As("buyer.canteen")).Post(deliver))
            Assert.Equal("urn:agrilink:problem:order.illegal-transition", (string)(await early.AssertProblem(HttpStatusCode.Conflict))["type"]!);

        using (var shipped = await (await app.As("coop.panzhou")).Post(ship))
            Assert.Equal("Shipped", (string)(await shipped.AssertOk())["status"]!);
        using (var bySeller = await (await app.As("coop.panzhou")).Post(deliver)) await bySeller.AssertProblem(HttpStatusCode.Conflict);
        using (var cancel = await Send(await app.As("buyer.canteen"), HttpMethod.Post, $"/api/orders/{id}/cancel", new JsonObject { ["reason"] = "too late" }))
            await cancel.AssertProblem(HttpStatusCode.Conflict);
        using (var delivered = await (await app.As("buyer.canteen")).Post(deliver))
            Assert.Equal("Delivered", (string)(await delivered.AssertOk())["status"]!);
    }

    [Fact]
    public async Task ARetriedRequestWithTheSameIdempotencyKeyPlacesOneOrder()
    {
        var listing = await ActiveListing("coop.panzhou", "coop-pzcili");
        var buyer = await app.As("buyer.canteen");
        var key = Guid.NewGuid().ToString();

        using var first = await Send(buyer, HttpMethod.Post, "/api/orders", Order(Canteen, (listing, 7)), key);
        using var retry = await Send(buyer, HttpMethod.Post, "/api/orders", Order(Canteen, (listing, 7)), key);
        using var changed = await Send(buyer, HttpMethod.Post, "/api/orders", Order(Canteen, (listing, 8)), key);

        var created = await first.AssertOk(HttpStatusCode.Created);
        var repeated = await retry.AssertOk(HttpStatusCode.OK);
        Assert.Equal((string)created["id"]!, (string)repeated["id"]!);
        await changed.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(93m, await StockOf(listing));
    }

    [Fact]
    public async Task ARetryFindsTheStockItsLostFirstAttemptHeldEvenWhenTheListingLooksSoldOut()
    {
        // The first attempt's reservation was stored by the listing, then its order grain died before writing the order
        // (a silo killed mid-sale): the listing holds all its stock for an order that does not exist yet.
        var listing = await ActiveListing("coop.panzhou", "coop-pzcili");
        var key = Guid.NewGuid().ToString();
        var orderId = AgriLink.Domain.Orders.OrderIds.FromIdempotencyKey(Canteen, key);
        var grains = app.Factory.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<AgriLink.Grains.Listings.IListingGrain>(listing).Reserve(orderId, 100, DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(0m, await StockOf(listing));

        using (var other = await Send(await app.As("buyer.canteen"), HttpMethod.Post, "/api/orders", Order(Canteen, (listing, 5)), Guid.NewGuid().ToString()))
            await other.AssertProblem(HttpStatusCode.Conflict);
        using var retry = await Send(await app.As("buyer.canteen"), HttpMethod.Post, "/api/orders", Order(Canteen, (listing, 100)), key);

        var placed = await retry.AssertOk(HttpStatusCode.Created);
        Assert.Equal(orderId, (string)placed["id"]!);
        Assert.Equal(65000, (long)placed["totalFen"]!);
        Assert.Equal(0m, await StockOf(listing));
    }

    [Fact]
    public async Task TheBuyerCancelsBeforeShipping()
    {
        var listing = await ActiveListing("coop.panzhou", "coop-pzcili");
        var id = (string)(await Place(Order(Canteen, (listing, 5))))["id"]!;

        using var missingReason = await Send(await app.As("buyer.canteen"), HttpMethod.Post, $"/api/orders/{id}/cancel", new JsonObject { ["reason"] = " " });
        await missingReason.AssertValidationProblem("reason");
        using var cancelled = await Send(await app.As("buyer.canteen"), HttpMethod.Post, $"/api/orders/{id}/cancel", new JsonObject { ["reason"] = "canteen closed for the holiday" });

        Assert.Equal("Cancelled", (string)(await cancelled.AssertOk())["status"]!);
        var listed = await (await app.As("coop.panzhou")).GetObject("/api/cooperatives/coop-pzcili/orders?status=Cancelled");
        Assert.Contains(listed["items"]!.AsArray(), i => (string)i!["orderId"]! == id);
    }

    [Fact]
    public async Task ABuyerOrdersOnlyForItself()
    {
        var listing = await ActiveListing("coop.panzhou", "coop-pzcili");
        using var response = await Send(await app.As("buyer.canteen"), HttpMethod.Post, "/api/orders", Order("buyer-zhangwei", (listing, 5)));
        await response.AssertProblem(HttpStatusCode.Forbidden);
        using var farmer = await Send(await app.As("farmer.pz01"), HttpMethod.Post, "/api/orders", Order(Canteen, (listing, 5)));
        await farmer.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(100m, await StockOf(listing));
    }

    [Fact]
    public async Task BadOrdersAreProblemsAndTouchNoStock()
    {
        var listing = await ActiveListing("coop.panzhou", "coop-pzcili");
        var buyer = await app.As("buyer.canteen");

        var bad = Order(Canteen, (listing, 0), (listing, 1));
        bad["deliveryRegionCode"] = "999999";
        using (var invalid = await Send(buyer, HttpMethod.Post, "/api/orders", bad))
            await invalid.AssertValidationProblem("deliveryRegionCode", "lines[0].quantity", "lines[1].listingId");
        using (var empty = await Send(buyer, HttpMethod.Post, "/api/orders", Order(Canteen)))
            await empty.AssertValidationProblem("lines");
        using (var malformed = await buyer.SendJson(HttpMethod.Post, "/api/orders", "{\"buyerId\": 12,"))
            await malformed.AssertProblem(HttpStatusCode.BadRequest);
        using (var key = await Send(buyer, HttpMethod.Post, "/api/orders", Order(Canteen, (listing, 5)), "has space"))
            await key.AssertValidationProblem("Idempotency-Key");
        using (var unknown = await Send(buyer, HttpMethod.Post, "/api/orders", Order(Canteen, (listing, 5), ("lst-nosuchlisting", 5))))
            await unknown.AssertValidationProblem("lines[1].listingId");
        using (var tooMuch = await Send(buyer, HttpMethod.Post, "/api/orders", Order(Canteen, (listing, 101))))
        {
            // Refused from the listing's memory before any order exists: the same problem placing would give.
            var problem = await tooMuch.AssertProblem(HttpStatusCode.Conflict);
            Assert.Equal("urn:agrilink:problem:listing.insufficient-stock", (string)problem["type"]!);
            Assert.Equal($"Line 1 ({listing}): Only 100 left.", (string)problem["detail"]!);
            Assert.False(string.IsNullOrEmpty((string?)problem["traceId"]));
        }
        using (var belowMinimum = await Send(buyer, HttpMethod.Post, "/api/orders", Order(Canteen, (listing, 1))))
            Assert.Equal("urn:agrilink:problem:listing.below-minimum-order", (string)(await belowMinimum.AssertProblem(HttpStatusCode.UnprocessableEntity))["type"]!);
        var card = Order(Canteen, (listing, 5));
        card["paymentMethod"] = "Card";
        using (var noStripe = await Send(buyer, HttpMethod.Post, "/api/orders", card))
            Assert.Equal("urn:agrilink:problem:order.card-unavailable", (string)(await noStripe.AssertProblem(HttpStatusCode.UnprocessableEntity))["type"]!);
        using (var notFound = await buyer.Get("/api/orders/ord-doesnotexist")) await notFound.AssertProblem(HttpStatusCode.NotFound);

        Assert.Equal(100m, await StockOf(listing));
    }
}

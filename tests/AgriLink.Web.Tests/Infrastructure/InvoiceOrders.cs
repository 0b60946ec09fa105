using System.Net;
using System.Text.Json.Nodes;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>Fresh published listings and the canteen's invoice orders of them, for tests whose lists must be their own.</summary>
public static class InvoiceOrders
{
    public const string Canteen = "buyer-gzcanteen";

    public static async Task<string> ActiveListing(this SeededApp app, string admin, string cooperativeId, JsonObject draft)
    {
        var client = await app.As(admin);
        var id = await client.CreateDraft(cooperativeId, draft);
        using var published = await client.Post($"/api/listings/{id}/publish");
        await published.AssertOk();
        return id;
    }

    /// <summary>The canteen's invoice order of the lines, delivered to its Guangzhou canteen; its id.</summary>
    public static async Task<string> PlaceInvoiceOrder(this HttpClient buyer, params (string Listing, decimal Quantity)[] lines)
    {
        using var placed = await buyer.SendJson(HttpMethod.Post, "/api/orders", new JsonObject
        {
            ["buyerId"] = Canteen, ["paymentMethod"] = "Invoice",
            ["lines"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject { ["listingId"] = l.Listing, ["quantity"] = l.Quantity }).ToArray()),
            ["deliveryRegionCode"] = "440103", ["deliveryAddress"] = "广州市荔湾区中山七路 1 号机关食堂",
        });
        return (string)(await placed.AssertOk(HttpStatusCode.Created))["id"]!;
    }
}

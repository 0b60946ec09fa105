using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Payments;

/// <summary>Without <c>Stripe:SecretKey</c> card payments do not exist: no routes, nothing in the API description, no card orders.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class StripeAbsenceTests(SeededApp app)
{
    [Fact]
    public async Task WithoutKeysNoPaymentEndpointIsMappedOrDescribed()
    {
        var openApi = await app.Anonymous().GetText("/openapi/v1.json");
        Assert.DoesNotContain("/api/stripe/webhook", openApi);
        Assert.DoesNotContain("card-payment", openApi);
        Assert.DoesNotContain("/refund", openApi);
        Assert.Contains("/api/orders", openApi);

        // Mapped, the webhook would answer an unsigned body with 400. Unmapped, the path is unknown: 404, or 405 because the
        // static-asset endpoints (MapStaticAssets) claim GET and HEAD on every path (a fallback route to restore 404 would
        // win over endpoints that declare a request body for requests without a Content-Type, so there is none).
        using var webhook = await app.Anonymous().SendJson(HttpMethod.Post, "/api/stripe/webhook", "{}");
        Assert.Contains(webhook.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
    }

    [Fact]
    public async Task WithoutKeysCardOrdersAreRefused()
    {
        var body = new JsonObject
        {
            ["buyerId"] = "buyer-gzcanteen", ["paymentMethod"] = "Card",
            ["lines"] = new JsonArray(new JsonObject { ["listingId"] = "lst-mtrice", ["quantity"] = 100 }),
            ["deliveryRegionCode"] = "440103", ["deliveryAddress"] = "广州市荔湾区中山七路1号",
        };
        using var response = await (await app.As("buyer.canteen")).SendJson(HttpMethod.Post, "/api/orders", body);
        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("order.card-unavailable", (string?)problem["type"]);
    }
}

[Collection(StripeAppCollection.Name)]
public sealed class StripePresenceTests(StripeApp app)
{
    [Fact]
    public async Task WithKeysThePaymentEndpointsAreDescribed()
    {
        var paths = JsonNode.Parse(await app.Anonymous().GetText("/openapi/v1.json"))!["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/stripe/webhook"));
        Assert.True(paths.ContainsKey("/api/orders/{id}/card-payment"));
        Assert.True(paths.ContainsKey("/api/orders/{id}/suborders/{cooperativeId}/refund"));
    }
}

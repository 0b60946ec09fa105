using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Payments;

/// <summary>Steps the payment tests share.</summary>
public static class Payments
{
    /// <summary>The buyer starts the card payment and gets the intent (asserting 200).</summary>
    public static async Task<JsonObject> StartCardPayment(this HttpClient buyer, string orderId)
    {
        using var response = await buyer.Post($"/api/orders/{orderId}/card-payment");
        return await response.AssertOk();
    }

    /// <summary>The buyer starts the card checkout and gets the session (asserting 200).</summary>
    public static async Task<JsonObject> StartCardCheckout(this HttpClient buyer, string orderId)
    {
        using var response = await buyer.Post($"/api/orders/{orderId}/card-checkout");
        return await response.AssertOk();
    }

    /// <summary>
    /// The buyer presses "Pay" on the fake's hosted checkout page; returns where Stripe sends the browser back to. Without
    /// <paramref name="webhooks"/> no event reaches the app (it learns of the payment only from the buyer's return).
    /// </summary>
    public static async Task<string> PayOnHostedPage(this StripeApp app, string sessionId, bool webhooks = true)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        app.Stripe.SendCheckoutWebhooks = webhooks;
        try
        {
            using var response = await browser.PostAsync($"{app.Stripe.Url}/checkout/{sessionId}", null, Api.Ct);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            return response.Headers.Location!.ToString();
        }
        finally
        {
            app.Stripe.SendCheckoutWebhooks = true;
        }
    }

    public static async Task<JsonObject> Deliver(this StripeApp app, string eventJson)
    {
        using var response = await FakeStripe.Deliver(app.Anonymous(), eventJson);
        return await response.AssertOk();
    }

    public static async Task<HttpStatusCode> DeliverStatus(this StripeApp app, string eventJson) =>
        (await FakeStripe.Deliver(app.Anonymous(), eventJson)).StatusCode;

    /// <summary>The transfers the fake made for the order.</summary>
    public static IReadOnlyList<JsonObject> TransfersOf(this FakeStripe stripe, string orderId) =>
        stripe.Objects("transfer").Where(t => (string?)t["transfer_group"] == orderId).ToList();

    public static IReadOnlyList<JsonObject> RefundsOf(this FakeStripe stripe, string paymentIntentId) =>
        stripe.Objects("refund").Where(r => (string?)r["payment_intent"] == paymentIntentId).ToList();

    public static long Amount(this JsonObject o) => (long)o["amount"]!;
}

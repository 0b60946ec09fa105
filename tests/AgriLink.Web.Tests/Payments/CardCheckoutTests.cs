using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Domain.Orders;
using AgriLink.Payments;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Payments;

/// <summary>
/// Card payment in the browser through Stripe Checkout's hosted page: one session per order, per-object checks, the
/// buyer's return recording the payment without the webhook, and <c>checkout.session.completed</c> recording it alone.
/// </summary>
[Collection(StripeAppCollection.Name)]
public sealed class CardCheckoutTests(StripeApp app)
{
    [Fact]
    public async Task ACheckoutSessionIsMadeOncePerOrderForItsTotalWithTheOrderOnItsIntent()
    {
        var order = await app.PlaceCardOrder(extra: 43);
        var buyer = await app.As("buyer.canteen");

        var first = await buyer.StartCardCheckout(order.Id);
        var second = await buyer.StartCardCheckout(order.Id);

        var sessionId = (string)first["sessionId"]!;
        Assert.Equal(sessionId, (string?)second["sessionId"]);
        Assert.Equal($"{app.Stripe.Url}/checkout/{sessionId}", (string?)first["url"]);
        Assert.Equal("open", (string?)first["status"]);
        Assert.Equal(order.TotalFen, (long)first["amountFen"]!);
        var session = Assert.Single(app.Stripe.Objects("checkout.session"), s => (string?)s["client_reference_id"] == order.Id);
        Assert.Equal(order.Id, (string?)session["metadata"]!["order_id"]);
        Assert.Equal(order.TotalFen, (long)session["amount_total"]!);
        Assert.Equal($"http://localhost/buyer/orders/{order.Id}?session_id={{CHECKOUT_SESSION_ID}}", (string?)session["success_url"]);
        Assert.Equal($"http://localhost/buyer/orders/{order.Id}?checkout=cancelled", (string?)session["cancel_url"]);
        var create = app.Stripe.Calls.First(c => c.Path == "/v1/checkout/sessions" && c.Form.GetValueOrDefault("client_reference_id") == order.Id);
        Assert.Equal(IdempotencyKeys.CheckoutSession(order.Id), create.IdempotencyKey);
        Assert.Equal(order.Id, create.Form["payment_intent_data[metadata][order_id]"]);
        Assert.Equal("payment", create.Form["mode"]);
        Assert.Equal(2, create.Form.Keys.Count(k => k.EndsWith("[price_data][unit_amount]", StringComparison.Ordinal))); // one line per cooperative
        Assert.Equal(OrderStatus.AwaitingPayment, (await app.Order(order.Id)).Status);
    }

    [Fact]
    public async Task AfterTheSessionExpiredTheNextClickGetsOneNewSessionAndKeepsIt()
    {
        var order = await app.PlaceCardOrder(twoCooperatives: false, extra: 47);
        var buyer = await app.As("buyer.canteen");
        var expired = (string)(await buyer.StartCardCheckout(order.Id))["sessionId"]!;
        app.Stripe.ExpireSession(expired);

        var replacement = await buyer.StartCardCheckout(order.Id);
        var again = await buyer.StartCardCheckout(order.Id);

        Assert.NotEqual(expired, (string?)replacement["sessionId"]);
        Assert.Equal("open", (string?)replacement["status"]);
        Assert.Equal((string?)replacement["sessionId"], (string?)again["sessionId"]);
        Assert.Equal(2, app.Stripe.Objects("checkout.session").Count(s => (string?)s["client_reference_id"] == order.Id));
    }

    [Fact]
    public async Task OnlyTheOrdersBuyerGetsACheckoutAndOnlyForACardOrderAwaitingPayment()
    {
        var order = await app.PlaceCardOrder(twoCooperatives: false, extra: 53);
        foreach (var user in new[] { "buyer.union", "coop.panzhou", "operator" })
        {
            using var response = await (await app.As(user)).Post($"/api/orders/{order.Id}/card-checkout");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        using (var anonymous = await app.Anonymous().Post($"/api/orders/{order.Id}/card-checkout"))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain(app.Stripe.Objects("checkout.session"), s => (string?)s["client_reference_id"] == order.Id);

        var invoice = await app.PlaceCardOrder(twoCooperatives: false, extra: 59, method: PaymentMethod.Invoice);
        using (var response = await (await app.As("buyer.canteen")).Post($"/api/orders/{invoice.Id}/card-checkout"))
            Assert.Equal("urn:agrilink:problem:payment.not-card", (string?)(await response.AssertProblem(HttpStatusCode.Conflict))["type"]);
        Assert.DoesNotContain(app.Stripe.Objects("checkout.session"), s => (string?)s["client_reference_id"] == invoice.Id);
    }

    [Fact]
    public async Task PayingOnTheHostedPageSendsTheWebhooksThatMarkTheOrderPaidOnce()
    {
        var order = await app.PlaceCardOrder(extra: 61);
        var sessionId = (string)(await (await app.As("buyer.canteen")).StartCardCheckout(order.Id))["sessionId"]!;

        var back = await app.PayOnHostedPage(sessionId);

        Assert.Equal($"http://localhost/buyer/orders/{order.Id}?session_id={sessionId}", back);
        var paid = await app.Order(order.Id);
        Assert.All(paid.SubOrders, s => Assert.Equal(OrderStatus.Paid, s.Status));
        var piId = (string)app.Stripe.Object(sessionId)["payment_intent"]!;
        Assert.Equal(piId, paid.PaymentReference);
        Assert.Equal(order.Id, (string?)app.Stripe.Object(piId)["metadata"]!["order_id"]);
        Assert.Equal(4, app.Stripe.TransfersOf(order.Id).Count);
        Assert.True(await app.Ledger.IsPostedAsync(IdempotencyKeys.LedgerPayment(piId), Api.Ct));
    }

    [Fact]
    public async Task TheBuyersReturnFromCheckoutMarksTheOrderPaidWithNoWebhook()
    {
        var order = await app.PlaceCardOrder(twoCooperatives: false, extra: 67);
        var buyer = await app.Factory.SignedIn("buyer.canteen");
        var orderPage = await buyer.GetText($"/buyer/orders/{order.Id}");
        Assert.Contains("id=\"pay-by-card\"", orderPage);
        Assert.DoesNotContain("id=\"checkout-notice\"", orderPage);
        // Back from the hosted page by its cancel link: a calm word, and the order can still be paid.
        var cancelled = await buyer.GetText($"/buyer/orders/{order.Id}?checkout=cancelled");
        Assert.Contains("已取消银行卡支付，订单仍在等待付款。", cancelled);
        Assert.Contains("id=\"pay-by-card\"", cancelled);

        // The page's "pay" form goes to Stripe's hosted page.
        using var pay = await buyer.Post($"/buyer/orders/{order.Id}?handler=Pay",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = PageForms.Token(orderPage) }));
        Assert.Equal(HttpStatusCode.SeeOther, pay.StatusCode);
        var hosted = pay.Headers.Location!.ToString();
        Assert.StartsWith($"{app.Stripe.Url}/checkout/cs_test_", hosted);
        var sessionId = hosted.Split('/')[^1];

        var back = await app.PayOnHostedPage(sessionId, webhooks: false);
        Assert.Equal(OrderStatus.AwaitingPayment, (await app.Order(order.Id)).Status);

        var page = await buyer.GetText(new Uri(back).PathAndQuery);

        Assert.Contains("id=\"checkout-notice\"", page);
        Assert.Contains("付款成功", page);
        Assert.DoesNotContain("id=\"pay-by-card\"", page);
        var paid = await app.Order(order.Id);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal((string?)app.Stripe.Object(sessionId)["payment_intent"], paid.PaymentReference);
    }

    [Fact]
    public async Task ASessionOfAnotherOrderConfirmsNothing()
    {
        var paidOrder = await app.PlaceCardOrder(twoCooperatives: false, extra: 71);
        var other = await app.PlaceCardOrder(twoCooperatives: false, extra: 73);
        var buyer = await app.As("buyer.canteen");
        var sessionId = (string)(await buyer.StartCardCheckout(paidOrder.Id))["sessionId"]!;
        await app.PayOnHostedPage(sessionId, webhooks: false);

        using (var response = await buyer.Post($"/api/orders/{other.Id}/card-checkout/{sessionId}/confirm"))
            await response.AssertProblem(HttpStatusCode.NotFound);
        using (var response = await (await app.As("buyer.union")).Post($"/api/orders/{paidOrder.Id}/card-checkout/{sessionId}/confirm"))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(OrderStatus.AwaitingPayment, (await app.Order(other.Id)).Status);
        Assert.Equal(OrderStatus.AwaitingPayment, (await app.Order(paidOrder.Id)).Status);

        using (var response = await buyer.Post($"/api/orders/{paidOrder.Id}/card-checkout/{sessionId}/confirm"))
            Assert.Equal("Paid", (string?)(await response.AssertOk())["status"]);
    }

    [Fact]
    public async Task CheckoutSessionCompletedAloneMarksTheOrderPaid()
    {
        var order = await app.PlaceCardOrder(twoCooperatives: false, extra: 79);
        var sessionId = (string)(await (await app.As("buyer.canteen")).StartCardCheckout(order.Id))["sessionId"]!;
        await app.PayOnHostedPage(sessionId, webhooks: false);
        Assert.Equal(OrderStatus.AwaitingPayment, (await app.Order(order.Id)).Status);

        var completed = app.Stripe.EventFor("checkout.session.completed", sessionId);
        Assert.Equal("processed", (string?)(await app.Deliver(completed))["outcome"]);
        Assert.Equal("duplicate", (string?)(await app.Deliver(completed))["outcome"]);

        var paid = await app.Order(order.Id);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal((string?)app.Stripe.Object(sessionId)["payment_intent"], paid.PaymentReference);
    }

    [Fact]
    public async Task StripeDownGivesA502ProblemAndChangesNothing()
    {
        var order = await app.PlaceCardOrder(twoCooperatives: false, extra: 83);
        var buyer = await app.As("buyer.canteen");
        var callsBefore = app.Stripe.Calls.Count;
        app.Stripe.Down = true;
        try
        {
            using var response = await buyer.Post($"/api/orders/{order.Id}/card-checkout");
            var problem = await response.AssertProblem(HttpStatusCode.BadGateway);
            Assert.Equal("urn:agrilink:problem:payment-gateway", (string?)problem["type"]);
        }
        finally
        {
            app.Stripe.Down = false;
        }
        // Every attempt the client made while Stripe failed, retries included, carried the order's key.
        var attempts = app.Stripe.Calls.Skip(callsBefore).Where(c => c.Path == "/v1/checkout/sessions" && c.Status == 500).ToList();
        Assert.NotEmpty(attempts);
        Assert.All(attempts, c => Assert.Equal(IdempotencyKeys.CheckoutSession(order.Id), c.IdempotencyKey));
        Assert.DoesNotContain(app.Stripe.Objects("checkout.session"), s => (string?)s["client_reference_id"] == order.Id);
        var after = await app.Order(order.Id);
        Assert.Equal(OrderStatus.AwaitingPayment, after.Status);
        Assert.Equal(order.History.Count, after.History.Count);

        // Stripe back: the same click works.
        Assert.Equal("open", (string?)(await buyer.StartCardCheckout(order.Id))["status"]);
    }
}

using System.Net;
using AgriLink.Payments;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Payments;

/// <summary>Stripe committed the intent but its answer was lost: retries with the same key find it, never a second one.</summary>
[Collection(StripeAppCollection.Name)]
public sealed class IdempotentRetryTests(StripeApp app)
{
    [Fact]
    public async Task ALostResponseIsRetriedWithTheSameKeyAndMakesOneIntent()
    {
        var order = await app.PlaceCardOrder(twoCooperatives: false, extra: 67);
        app.Stripe.DropResponses("/v1/payment_intents", 1);

        var intent = await (await app.As("buyer.canteen")).StartCardPayment(order.Id);

        var creates = app.Stripe.Calls.Where(c => c.Path == "/v1/payment_intents" && c.Form.GetValueOrDefault("metadata[order_id]") == order.Id).ToList();
        Assert.Equal(2, creates.Count);
        Assert.All(creates, c => Assert.Equal(IdempotencyKeys.PaymentIntent(order.Id), c.IdempotencyKey));
        Assert.True(creates[1].Replayed);
        var only = Assert.Single(app.Stripe.Objects("payment_intent"), pi => (string?)pi["metadata"]!["order_id"] == order.Id);
        Assert.Equal((string?)only["id"], (string?)intent["paymentIntentId"]);
    }

    [Fact]
    public async Task WhenEveryAttemptIsLostTheBuyerGetsA502AndTheirRetryFindsTheSameIntent()
    {
        var order = await app.PlaceCardOrder(twoCooperatives: false, extra: 71);
        var buyer = await app.As("buyer.canteen");
        app.Stripe.DropResponses("/v1/payment_intents", 3); // Stripe.net's first try and its two retries

        using (var lost = await buyer.Post($"/api/orders/{order.Id}/card-payment"))
            await lost.AssertProblem(HttpStatusCode.BadGateway);
        var intent = await buyer.StartCardPayment(order.Id);

        var only = Assert.Single(app.Stripe.Objects("payment_intent"), pi => (string?)pi["metadata"]!["order_id"] == order.Id);
        Assert.Equal((string?)only["id"], (string?)intent["paymentIntentId"]);
        Assert.Equal(4, app.Stripe.Calls.Count(c => c.Path == "/v1/payment_intents" && c.IdempotencyKey == IdempotencyKeys.PaymentIntent(order.Id)));
    }

    [Fact]
    public async Task TheFakeRefusesAKeyReusedWithOtherParametersLikeStripe()
    {
        var order = await app.PlaceCardOrder(twoCooperatives: false, extra: 73);
        var piId = (string)(await (await app.As("buyer.canteen")).StartCardPayment(order.Id))["paymentIntentId"]!;
        var gateway = app.Factory.Services.GetRequiredService<IStripeGateway>();
        app.Stripe.Succeed(piId);
        var amount = (long)app.Stripe.Object(piId)["amount"]!;

        await gateway.Refund(piId, order.Id, StripeApp.Panzhou, 100, Api.Ct);
        var conflict = await Assert.ThrowsAsync<Stripe.StripeException>(() => gateway.Refund(piId, order.Id, StripeApp.Panzhou, 200, Api.Ct));

        Assert.Equal("idempotency_error", conflict.StripeError.Type);
        Assert.Equal(100, Assert.Single(app.Stripe.RefundsOf(piId)).Amount());
        Assert.True(amount > 200);
    }
}

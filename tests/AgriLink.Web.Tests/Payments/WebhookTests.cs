using System.Net;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Orders;
using AgriLink.Payments;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Payments;

/// <summary>Signature checks, duplicate deliveries and events out of order, all through the webhook endpoint.</summary>
[Collection(StripeAppCollection.Name)]
public sealed class WebhookTests(StripeApp app)
{
    private async Task<(OrderDetails Order, string PaymentIntentId)> AwaitingPayment(bool twoCooperatives, int extra)
    {
        var order = await app.PlaceCardOrder(twoCooperatives, extra);
        var intent = await (await app.As("buyer.canteen")).StartCardPayment(order.Id);
        return (order, (string)intent["paymentIntentId"]!);
    }

    [Fact]
    public async Task TamperedStaleUnsignedOrMissignedBodiesAreRefusedAndChangeNothing()
    {
        var (order, piId) = await AwaitingPayment(twoCooperatives: false, extra: 31);
        var succeeded = app.Stripe.Succeed(piId);
        var anonymous = app.Anonymous();

        using (var tampered = await FakeStripe.Deliver(anonymous, succeeded, tamperedBody: succeeded.Replace("\"amount\":", "\"amount\": ")))
            await tampered.AssertProblem(HttpStatusCode.BadRequest);
        using (var stale = await FakeStripe.Deliver(anonymous, succeeded, signedAt: DateTimeOffset.UtcNow.AddSeconds(-301 - 5)))
            await stale.AssertProblem(HttpStatusCode.BadRequest);
        using (var wrongSecret = await FakeStripe.Deliver(anonymous, succeeded, secret: "whsec_somebody_else"))
            await wrongSecret.AssertProblem(HttpStatusCode.BadRequest);
        using (var unsigned = await anonymous.SendJson(HttpMethod.Post, "/api/stripe/webhook", succeeded))
            await unsigned.AssertProblem(HttpStatusCode.BadRequest);

        Assert.Equal(OrderStatus.AwaitingPayment, (await app.Order(order.Id)).Status);
        Assert.Empty(app.Stripe.TransfersOf(order.Id));
        Assert.False(await app.Ledger.IsPostedAsync(IdempotencyKeys.LedgerPayment(piId), Api.Ct));

        // The same event, properly signed, still goes through: nothing above was remembered as processed.
        Assert.Equal("processed", (string?)(await app.Deliver(succeeded))["outcome"]);
        Assert.Equal(OrderStatus.Paid, (await app.Order(order.Id)).Status);
    }

    [Fact]
    public async Task AnEventDeliveredFiveTimesFulfilsOnceAndPaysOutOnce()
    {
        var (order, piId) = await AwaitingPayment(twoCooperatives: true, extra: 37);
        var succeeded = app.Stripe.Succeed(piId);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.Deliver(succeeded)));

        Assert.Single(outcomes, o => (string?)o["outcome"] == "processed");
        Assert.Equal(4, outcomes.Count(o => (string?)o["outcome"] == "duplicate"));
        var paid = await app.Order(order.Id);
        Assert.All(paid.SubOrders, s => Assert.Equal(OrderStatus.Paid, s.Status));
        Assert.Single(paid.History, e => e.What == "paid" && e.CooperativeId == StripeApp.Xiuwen);
        Assert.Equal(4, app.Stripe.TransfersOf(order.Id).Count); // 舍烹: cooperative, enterprise, collective; 六屯: cooperative
        Assert.Equal(4, app.Stripe.Calls.Count(c => c.Path == "/v1/transfers" && c.Form.GetValueOrDefault("transfer_group") == order.Id));
        Assert.Equal(order.TotalFen, app.Stripe.TransfersOf(order.Id).Sum(t => t.Amount()));
    }

    [Theory]
    [InlineData("succeeded,refund.created,charge.refunded")]
    [InlineData("refund.created,succeeded,charge.refunded")]
    [InlineData("charge.refunded,refund.created,succeeded")]
    [InlineData("refund.created,charge.refunded,succeeded,refund.created,succeeded")]
    public async Task EventsInAnyOrderEndPaidThenRefundedExactlyOnce(string order)
    {
        var (placed, piId) = await AwaitingPayment(twoCooperatives: false, extra: 41 + order.Length);
        var events = new Dictionary<string, string> { ["succeeded"] = app.Stripe.Succeed(piId) };
        events["refund.created"] = app.Stripe.RefundFromDashboard(piId);
        var refundId = (string)app.Stripe.RefundsOf(piId).Single()["id"]!;
        events["charge.refunded"] = app.Stripe.EventFor("refund.updated", refundId);

        foreach (var name in order.Split(','))
            await app.Deliver(events[name]);

        var final = await app.Order(placed.Id);
        Assert.Equal(OrderStatus.Refunded, final.SubOrders.Single().Status);
        Assert.Single(final.History, e => e.What == "paid");
        Assert.Single(final.History, e => e.What == "refunded");
        Assert.Single(app.Stripe.RefundsOf(piId));
        Assert.True(await app.Ledger.IsPostedAsync(IdempotencyKeys.LedgerPayment(piId), Api.Ct));
        Assert.True(await app.Ledger.IsPostedAsync(IdempotencyKeys.LedgerRefund(refundId), Api.Ct));
        // Whatever was paid out before the refund was seen is taken back; nothing is left with the payees.
        Assert.All(app.Stripe.TransfersOf(placed.Id), t => Assert.True((bool)t["reversed"]!));
    }
}

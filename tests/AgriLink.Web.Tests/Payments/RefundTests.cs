using System.Net;
using AgriLink.Domain.Orders;
using AgriLink.Payments;
using AgriLink.Storage.Ledger;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Payments;

[Collection(StripeAppCollection.Name)]
public sealed class RefundTests(StripeApp app)
{
    private async Task<(string OrderId, string PaymentIntentId)> PaidOrder(int extra)
    {
        var order = await app.PlaceCardOrder(twoCooperatives: true, extra);
        var piId = (string)(await (await app.As("buyer.canteen")).StartCardPayment(order.Id))["paymentIntentId"]!;
        await app.Deliver(app.Stripe.Succeed(piId));
        return (order.Id, piId);
    }

    [Fact]
    public async Task TheCooperativeRefundsItsPaidSubOrderBeforeShippingAndItsPayoutsAreReversed()
    {
        var (orderId, piId) = await PaidOrder(extra: 53);
        var path = $"/api/orders/{orderId}/suborders/{StripeApp.Panzhou}/refund";
        foreach (var stranger in new[] { "coop.xiuwen", "buyer.canteen", "buyer.union" })
        {
            using var refused = await (await app.As(stranger)).Post(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.Empty(app.Stripe.RefundsOf(piId));

        var coop = await app.As("coop.panzhou");
        using (var response = await coop.Post(path)) await response.AssertOk();
        using (var again = await coop.Post(path)) await again.AssertOk();

        var order = await app.Order(orderId);
        var pz = order.SubOrders.Single(s => s.CooperativeId == StripeApp.Panzhou);
        Assert.Equal(OrderStatus.Refunded, pz.Status);
        Assert.Equal(OrderStatus.Paid, order.SubOrders.Single(s => s.CooperativeId == StripeApp.Xiuwen).Status);
        var refund = Assert.Single(app.Stripe.RefundsOf(piId));
        Assert.Equal(pz.AmountFen, refund.Amount());
        Assert.Equal(StripeApp.Panzhou, (string?)refund["metadata"]!["cooperative_id"]);
        var transfers = app.Stripe.TransfersOf(orderId);
        Assert.All(transfers, t => Assert.Equal((string?)t["metadata"]!["cooperative_id"] == StripeApp.Panzhou, (bool)t["reversed"]!));
        Assert.True(await app.Ledger.IsPostedAsync(IdempotencyKeys.LedgerRefund((string)refund["id"]!), Api.Ct));

        // Shipped goods are not refunded here.
        using (var shipped = await (await app.As("coop.xiuwen")).Post($"/api/orders/{orderId}/suborders/{StripeApp.Xiuwen}/ship"))
            await shipped.AssertOk();
        using (var late = await (await app.As("coop.xiuwen")).Post($"/api/orders/{orderId}/suborders/{StripeApp.Xiuwen}/refund"))
            await late.AssertProblem(HttpStatusCode.Conflict);
        Assert.Single(app.Stripe.RefundsOf(piId));
    }

    [Fact]
    public async Task ARefundStripeNeverAnswersIsA502AndARetryRefundsExactlyOnce()
    {
        var (orderId, piId) = await PaidOrder(extra: 79);
        var path = $"/api/orders/{orderId}/suborders/{StripeApp.Panzhou}/refund";
        var coop = await app.As("coop.panzhou");

        // Stripe commits the refund but every answer is lost, Stripe.net's own retries included.
        app.Stripe.DropResponses("/v1/refunds", count: 10);
        using (var lost = await coop.Post(path))
            Assert.Equal("urn:agrilink:problem:payment-gateway", (string)(await lost.AssertProblem(HttpStatusCode.BadGateway))["type"]!);
        app.Stripe.DropResponses("/v1/refunds", count: 0);

        using (var retried = await coop.Post(path)) await retried.AssertOk();
        Assert.Equal(OrderStatus.Refunded, (await app.Order(orderId)).SubOrders.Single(s => s.CooperativeId == StripeApp.Panzhou).Status);
        Assert.Single(app.Stripe.RefundsOf(piId));
    }

    [Fact]
    public async Task ASubOrderTheBuyerCancelledAfterPaymentIsRefundedToTheBuyer()
    {
        var (orderId, piId) = await PaidOrder(extra: 59);
        var buyer = await app.As("buyer.canteen");
        using (var cancel = await buyer.SendJson(HttpMethod.Post, $"/api/orders/{orderId}/cancel",
                   $$"""{"reason":"食堂菜单调整","cooperativeId":"{{StripeApp.Xiuwen}}"}"""))
            await cancel.AssertOk();
        var cancelled = (await app.Order(orderId)).SubOrders.Single(s => s.CooperativeId == StripeApp.Xiuwen);
        Assert.True(cancelled.RefundPending);

        using (var response = await buyer.Post($"/api/orders/{orderId}/suborders/{StripeApp.Xiuwen}/refund")) await response.AssertOk();

        var order = await app.Order(orderId);
        Assert.Equal(OrderStatus.Refunded, order.SubOrders.Single(s => s.CooperativeId == StripeApp.Xiuwen).Status);
        Assert.Equal(OrderStatus.Paid, order.SubOrders.Single(s => s.CooperativeId == StripeApp.Panzhou).Status);
        Assert.Equal(cancelled.AmountFen, Assert.Single(app.Stripe.RefundsOf(piId)).Amount());
    }

    [Fact]
    public async Task MoneyForAnOrderCancelledBeforeItArrivedGoesBackWhole()
    {
        var order = await app.PlaceCardOrder(twoCooperatives: true, extra: 61);
        var buyer = await app.As("buyer.canteen");
        var piId = (string)(await buyer.StartCardPayment(order.Id))["paymentIntentId"]!;
        using (var cancel = await buyer.SendJson(HttpMethod.Post, $"/api/orders/{order.Id}/cancel", """{"reason":"下错单了"}"""))
            await cancel.AssertOk();
        var clearing = await app.Ledger.BalanceAsync(LedgerAccounts.StripeClearing, Api.Ct);

        await app.Deliver(app.Stripe.Succeed(piId));

        var after = await app.Order(order.Id);
        Assert.All(after.SubOrders, s => Assert.Equal(OrderStatus.Cancelled, s.Status));
        Assert.Equal(order.TotalFen, Assert.Single(app.Stripe.RefundsOf(piId)).Amount());
        Assert.Empty(app.Stripe.TransfersOf(order.Id));
        Assert.Equal(clearing, await app.Ledger.BalanceAsync(LedgerAccounts.StripeClearing, Api.Ct));
    }
}

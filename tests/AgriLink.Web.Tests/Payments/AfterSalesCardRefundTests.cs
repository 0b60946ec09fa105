using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Domain.AfterSales;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Quotas;
using AgriLink.Payments;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Payments;

/// <summary>
/// After-sales of a card order: the cooperative accepts, the agreed part is refunded through Stripe once (keyed by the case),
/// the sub-order stays delivered and counts the refund, and member trade and the buyer's quota give back exactly the refund,
/// once, however often it is retried.
/// </summary>
[Collection(StripeAppCollection.Name)]
public sealed class AfterSalesCardRefundTests(StripeApp app)
{
    [Fact]
    public async Task AnAcceptedRequestIsRefundedByStripeOnceAndReversesTradeAndQuotaOnce()
    {
        var placed = await app.PlaceCardOrder(twoCooperatives: false, extra: 97);
        var piId = (string)(await (await app.As("buyer.canteen")).StartCardPayment(placed.Id))["paymentIntentId"]!;
        await app.Deliver(app.Stripe.Succeed(piId));
        var coop = await app.As("coop.panzhou");
        var buyer = await app.As("buyer.canteen");
        using (var shipped = await coop.Post($"/api/orders/{placed.Id}/suborders/{StripeApp.Panzhou}/ship")) await shipped.AssertOk();
        using (var delivered = await buyer.Post($"/api/orders/{placed.Id}/suborders/{StripeApp.Panzhou}/deliver")) await delivered.AssertOk();
        var order = await app.Order(placed.Id);
        var sub = order.SubOrders.Single();
        Assert.Equal(OrderStatus.Completed, sub.Status);
        var year = DateTime.UtcNow.AddHours(8).Year;
        var quota = app.Grains.GetGrain<IBuyerQuotaGrain>(new BuyerYear(StripeApp.Canteen, year).ToString());
        var quotaBefore = await quota.Progress();
        var endMonth = (await app.Grains.GetGrain<AgriLink.Grains.Shares.IShareRegisterGrain>(StripeApp.Panzhou).GetCharter())?.FiscalYearEndMonth ?? 12;
        var fiscalYear = AgriLink.Domain.Shares.FiscalCalendar.YearEndOf(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), endMonth).Year;
        var trade = app.Grains.GetGrain<IMemberTradeGrain>(new CooperativeYear(StripeApp.Panzhou, fiscalYear).ToString());
        long OrderTrade(IReadOnlyList<TradeRecord> records) => records.Where(r => r.Reference.StartsWith(placed.Id + ":", StringComparison.Ordinal)).Sum(r => r.AmountFen);
        var tradeBefore = OrderTrade(await trade.Records());

        var refund = sub.AmountFen / 3 + 7;
        var path = $"/api/orders/{placed.Id}/aftersales";
        using (var asked = await buyer.SendJson(HttpMethod.Post, path, new JsonObject
               {
                   ["cooperativeId"] = StripeApp.Panzhou, ["amountFen"] = refund, ["reason"] = "部分刺梨压伤",
               }))
            await asked.AssertOk(HttpStatusCode.Created);
        using (var byBuyer = await buyer.SendJson(HttpMethod.Post, $"{path}/{StripeApp.Panzhou}/answer", new JsonObject { ["answer"] = "Accept" }))
            await byBuyer.AssertProblem(HttpStatusCode.Forbidden);
        using (var bad = await coop.SendJson(HttpMethod.Post, $"{path}/{StripeApp.Panzhou}/answer", new JsonObject { ["answer"] = "Maybe" }))
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        JsonObject accepted;
        using (var response = await coop.SendJson(HttpMethod.Post, $"{path}/{StripeApp.Panzhou}/answer", new JsonObject { ["answer"] = "Accept" }))
            accepted = await response.AssertOk();
        Assert.Equal("Refunded", (string?)accepted["status"]);

        var stripeRefund = Assert.Single(app.Stripe.RefundsOf(piId));
        Assert.Equal(refund, stripeRefund.Amount());
        Assert.Equal($"{placed.Id}:{StripeApp.Panzhou}", (string?)stripeRefund["metadata"]!["aftersales_case"]);
        Assert.Equal((string)stripeRefund["id"]!, (string?)accepted["refundReference"]);
        Assert.True(await app.Ledger.IsPostedAsync(IdempotencyKeys.LedgerRefund((string)stripeRefund["id"]!), Api.Ct));
        var after = (await app.Order(placed.Id)).SubOrders.Single();
        Assert.Equal((OrderStatus.Completed, refund), (after.Status, after.RefundedFen));

        // Retries of every step change nothing: the order's record, the trade reversal, a webhook for the refund.
        var orderGrain = app.Grains.GetGrain<IOrderGrain>(placed.Id);
        await orderGrain.RecordAfterSalesRefund(new AfterSalesRefund($"{placed.Id}:{StripeApp.Panzhou}", StripeApp.Panzhou, refund, (string)stripeRefund["id"]!, DateTimeOffset.UtcNow));
        await trade.Reverse(OrderPostings.TradeReversals(placed.Id, sub.Lines, new AfterSalesRefund("x", StripeApp.Panzhou, refund, "r", DateTimeOffset.UtcNow)));
        await app.Grains.GetGrain<IStripePaymentGrain>(piId).Reconcile(null);
        Assert.Single(app.Stripe.RefundsOf(piId));
        Assert.Equal(refund, (await app.Order(placed.Id)).SubOrders.Single().RefundedFen);
        Assert.Equal(tradeBefore - (tradeBefore == 0 ? 0 : refund), OrderTrade(await trade.Records()));
        var certified = RefundAllocation.Certified(OrderPostings.RefundLines(sub.Lines), refund);
        Assert.Equal(quotaBefore.OwnFen - certified, (await quota.Progress()).OwnFen);
        Assert.Equal(quotaBefore.UncertifiedFen - (refund - certified), (await quota.Progress()).UncertifiedFen);
    }
}

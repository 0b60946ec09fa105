using AgriLink.Domain.Orders;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Quotas;
using Xunit;

namespace AgriLink.Grains.Tests.Orders;

/// <summary>Completion is saved first; a posting that fails afterwards is retried on the next call and counted once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OrderPostingRetryTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task ATradePostingThatFailedIsRetriedByTheNextCallAndCountedOnce()
    {
        var (coop, listingId, buyer) = await _client.ListingAndBuyer();
        var year = ClusterFixture.Today.Year;
        var trade = _client.GetGrain<IMemberTradeGrain>(new CooperativeYear(coop, year).ToString());
        // A stored row, so the injected failure (on update) hits the order's posting.
        await trade.Record(new TradeRecord("manual-1", null, 100, ClusterFixture.Today, TradeSource.Manual));
        var grain = _client.GetGrain<IOrderGrain>(OrderIds.New());
        var (buyerActor, coopActor) = (new OrderActor(ActorRole.Buyer, "buyer"), new OrderActor(ActorRole.Cooperative, "coop", coop));
        await grain.Place(new PlaceOrder(buyer, PaymentMethod.Invoice, [new OrderLineRequest(listingId, 10)], "440103", "机关食堂"), buyerActor);
        await grain.Ship(coop, coopActor);
        await grain.ConfirmDelivery(coop, buyerActor);
        await grain.MarkInvoiced(coop, "INV-9");

        await using (await fixture.FailWritesToAsync(trade))
        {
            var completed = await grain.RecordInvoicePayment(coop, "INV-9", "BANK-9", coopActor);
            Assert.Equal(OrderStatus.Completed, completed.Status);
        }
        Assert.Single(await trade.Records());

        await grain.RecordInvoicePayment(coop, "INV-9", "BANK-9", coopActor);
        await grain.RecordInvoicePayment(coop, "INV-9", "BANK-9", coopActor);

        var records = await trade.Records();
        Assert.Equal(["manual-1", $"{grain.GetPrimaryKeyString()}:1"], records.Select(r => r.Reference));
        Assert.Equal(6500, records[1].AmountFen);
        var quota = await _client.GetGrain<IBuyerQuotaGrain>(new BuyerYear(buyer, year).ToString()).Progress();
        Assert.Equal((1, 6500L), (quota.Purchases, quota.UncertifiedFen));
    }
}

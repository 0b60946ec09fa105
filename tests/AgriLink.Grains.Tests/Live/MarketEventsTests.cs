using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Quotas;
using AgriLink.Grains.Tests.Quotas;
using Xunit;

namespace AgriLink.Grains.Tests.Live;

/// <summary>Quota progress, admission steps and payments reach the market feed, each numbered by its stored row.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MarketEventsTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task ABudgetUnitHearsItsQuotaProgressAfterEachStoredChange()
    {
        await using var feed = await FeedRecorder.SubscribeAsync(_client);
        var unit = await QuotaSamples.RegisterAsync(_client);
        var quota = unit.Quota(_client);
        await quota.Declare(new QuotaDeclaration(1_000_000_00));
        await quota.RecordPurchase(unit.ByUnion("ord-q-1:coop-a", 25_000_00, 30_000_00));
        await quota.RecordPurchase(unit.ByUnion("ord-q-1:coop-a", 25_000_00, 30_000_00)); // a repeat stores nothing

        var topic = $"buyer:{unit.Unit}";
        await feed.WaitFor(e => e.Topic == topic && FeedRecorder.Data(e).GetProperty("countedFen").GetInt64() == 25_000_00);
        var heard = feed.About(topic);
        Assert.Equal(["quota.progress", "quota.progress"], heard.Select(e => e.Name));
        Assert.All(heard, e => Assert.Equal($"quota:{unit.Unit}:2026", e.Resource));
        Assert.Equal(heard[0].Sequence + 1, heard[1].Sequence);
        var last = FeedRecorder.Data(heard[1]);
        Assert.Equal(30_000_000, last.GetProperty("quotaFen").GetInt64()); // 30% of ¥1,000,000 in Guangdong
        Assert.Equal(30_000_000 - 2_500_000, last.GetProperty("remainingFen").GetInt64());
        Assert.Empty(feed.About($"buyer:{unit.Union}")); // the union bought, but the quota is the unit's
    }

    [Fact]
    public async Task ACooperativeHearsEachAdmissionStep()
    {
        await using var feed = await FeedRecorder.SubscribeAsync(_client);
        var id = Samples.CooperativeId();
        await _client.GetGrain<ICooperativeGrain>(id).Register(Samples.Cooperative());
        var admission = _client.GetGrain<ICooperativeAdmissionGrain>(id);
        await admission.Apply("coop.admin");
        await admission.Recommend("county.officer");
        await admission.Approve("operator");
        await admission.Suspend("operator", AdmissionSuspensionReason.PriceComplaint, "价格高于市场价");

        var topic = $"coop:{id}";
        await feed.WaitFor(e => e.Topic == topic && FeedRecorder.Data(e).GetProperty("status").GetString() == "Suspended");
        var heard = feed.About(topic);
        Assert.All(heard, e => Assert.Equal("admission.changed", e.Name));
        Assert.Equal(["Applied", "CountyRecommended", "Approved", "Suspended"], heard.Select(e => FeedRecorder.Data(e).GetProperty("status").GetString()));
        Assert.Equal([true, false], heard.TakeLast(2).Select(e => FeedRecorder.Data(e).GetProperty("maySell").GetBoolean()));
        Assert.Equal("价格高于市场价", FeedRecorder.Data(heard[^1]).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AnInvoicePaymentIsHeardAsPaymentReceivedByTheBuyerAndTheCooperative()
    {
        await using var feed = await FeedRecorder.SubscribeAsync(_client);
        var coop = await _client.AdmittedCooperative();
        var listing = Samples.ListingId();
        await _client.GetGrain<IListingGrain>(listing).Create(coop, Samples.Listing(100) with { MinOrder = 1, PriceFen = 650 });
        await _client.GetGrain<IListingGrain>(listing).Publish();
        var buyer = Samples.BuyerId();
        await _client.GetGrain<IBuyerGrain>(buyer).Register(Samples.Buyer());
        var order = _client.GetGrain<IOrderGrain>(OrderIds.New());
        var byBuyer = new OrderActor(ActorRole.Buyer, "buyer.test");
        var byCoop = new OrderActor(ActorRole.Cooperative, "coop.admin", coop);
        await order.Place(new PlaceOrder(buyer, PaymentMethod.Invoice, [new OrderLineRequest(listing, 10)], "440103", "广州市荔湾区中山七路 1 号"), byBuyer);
        await order.Ship(coop, byCoop, new Shipment(Carrier.SfExpress, "sf 1234-5678-9012", null));
        await order.ConfirmDelivery(coop, byBuyer);
        await order.MarkInvoiced(coop, "INV-2026-000009");
        await order.RecordInvoicePayment(coop, "INV-2026-000009", "BANK-0009", byCoop);

        await feed.WaitFor(e => e.Topic == $"buyer:{buyer}" && e.Name == "payment.received");
        await feed.WaitFor(e => e.Topic == $"coop:{coop}" && e.Name == "payment.received");
        var toBuyer = feed.About($"buyer:{buyer}").Where(e => e.Resource == $"order:{order.GetPrimaryKeyString()}").ToList();
        Assert.Equal(["order.placed", "order.shipped", "order.changed", "order.changed", "payment.received"], toBuyer.Select(e => e.Name));
        // The shipment reaches the buyer with the event, its tracking number in the stored form.
        var shipment = FeedRecorder.Data(toBuyer[1]).GetProperty("subOrders")[0].GetProperty("shipment");
        Assert.Equal("SfExpress", shipment.GetProperty("carrier").GetString());
        Assert.Equal("SF123456789012", shipment.GetProperty("trackingNumber").GetString());
        Assert.Equal(toBuyer.Count, toBuyer.Select(e => e.Sequence).Distinct().Count());
        var paid = FeedRecorder.Data(feed.About($"coop:{coop}").Single(e => e.Name == "payment.received"));
        Assert.Equal("Completed", paid.GetProperty("status").GetString());
        Assert.Equal(6500, paid.GetProperty("amountFen").GetInt64());
    }
}

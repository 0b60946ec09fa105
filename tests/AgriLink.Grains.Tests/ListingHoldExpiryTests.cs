using AgriLink.Domain.Orders;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Tests.Dividends;
using Xunit;

namespace AgriLink.Grains.Tests;

/// <summary>
/// Holds that run out: the listing's reminder asks each order for a verdict. Runs on the cluster whose clock can move
/// forward; the reminder tick is delivered directly rather than waited for (Orleans' reminder period is a minute).
/// </summary>
[Collection(LedgerClusterCollection.Name)]
public sealed class ListingHoldExpiryTests(LedgerClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task ExpiredHoldOfAnOrderNeverPlacedIsReleasedAndLiveHoldsStay()
    {
        var cooperativeId = await _client.AdmittedCooperative();
        var listing = _client.GetGrain<IListingGrain>(Samples.ListingId());
        await listing.Create(cooperativeId, Samples.Listing(stock: 100) with { MinOrder = 1 });
        await listing.Publish();
        var now = fixture.Clock.GetUtcNow();
        var lapsing = Domain.Identifiers.Ids.New("ord");
        var lasting = Domain.Identifiers.Ids.New("ord");
        await listing.Reserve(lapsing, 30, now.AddMinutes(1));
        await listing.Reserve(lasting, 20, now.AddHours(3));

        await Sweep(listing); // nothing has run out yet
        Assert.Equal(50, (await listing.Get()).Draft.Stock);

        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await Sweep(listing);

        var details = await listing.Get();
        Assert.Equal(80, details.Draft.Stock);
        Assert.Equal(1, details.HoldCount);
        Assert.Equal(20, details.Held);
    }

    [Fact]
    public async Task APaidOrdersExpiredHoldIsExtendedSoACancelBeforeShippingStillReturnsTheStock()
    {
        var cooperativeId = await _client.AdmittedCooperative();
        var listing = _client.GetGrain<IListingGrain>(Samples.ListingId());
        await listing.Create(cooperativeId, Samples.Listing(stock: 100) with { MinOrder = 1 });
        await listing.Publish();
        var buyerId = Samples.BuyerId();
        await _client.GetGrain<IBuyerGrain>(buyerId).Register(Samples.Buyer());
        var listingId = listing.GetPrimaryKeyString();
        PlaceOrder Card(decimal quantity) => new(buyerId, PaymentMethod.Card, [new OrderLineRequest(listingId, quantity)], "440103", "广州市荔湾区机关食堂");
        var buyer = new OrderActor(ActorRole.Buyer, "buyer.test");
        var cooperative = new OrderActor(ActorRole.Cooperative, "coop.admin", cooperativeId);

        var toCancel = _client.GetGrain<IOrderGrain>(OrderIds.New());
        var toShip = _client.GetGrain<IOrderGrain>(OrderIds.New());
        foreach (var (order, quantity) in new[] { (toCancel, 10m), (toShip, 5m) })
        {
            var placed = await order.Place(Card(quantity), buyer);
            await order.RecordCardPayment(new CardPayment("stripe", "pi_" + order.GetPrimaryKeyString(), placed.TotalFen, fixture.Clock.GetUtcNow()));
        }

        // The payment deadline passes with both orders paid and unshipped: their holds are kept, not sold off.
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await Sweep(listing);
        var swept = await listing.Get();
        Assert.Equal((85m, 15m, 2), (swept.Draft.Stock, swept.Held, swept.HoldCount));

        await toShip.Ship(cooperativeId, cooperative);
        await toCancel.Cancel(buyer, "the canteen closed for the holiday");

        var after = await listing.Get();
        Assert.Equal((95m, 0m, 0), (after.Draft.Stock, after.Held, after.HoldCount));
    }

    private Task Sweep(IListingGrain listing) =>
        _client.GetGrain<IRemindable>(listing.GetGrainId())
            .ReceiveReminder("listing-holds", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
}

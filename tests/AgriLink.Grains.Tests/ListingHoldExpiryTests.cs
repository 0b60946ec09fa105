using AgriLink.Grains.Listings;
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

    private Task Sweep(IListingGrain listing) =>
        _client.GetGrain<IRemindable>(listing.GetGrainId())
            .ReceiveReminder("listing-holds", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
}

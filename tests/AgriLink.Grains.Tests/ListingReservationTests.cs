using AgriLink.Domain.Errors;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Listings;
using Xunit;

namespace AgriLink.Grains.Tests;

/// <summary>Holding stock for orders: atomic under concurrency, idempotent per order, durable, batched into few writes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ListingReservationTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    private DateTimeOffset InAnHour => fixture.Clock.GetUtcNow().AddHours(1);

    private static string OrderId() => Domain.Identifiers.Ids.New("ord");

    private async Task<IListingGrain> Active(decimal stock = 8000, decimal minOrder = 50)
    {
        var cooperativeId = await _client.AdmittedCooperative();
        var grain = _client.GetGrain<IListingGrain>(Samples.ListingId());
        await grain.Create(cooperativeId, Samples.Listing(stock) with { MinOrder = minOrder });
        await grain.Publish();
        return grain;
    }

    [Fact]
    public async Task HundredsOfConcurrentReservationsNeverOversell()
    {
        var grain = await Active(stock: 500, minOrder: 1);
        var versionBefore = await fixture.StoredVersionAsync("listing", grain);

        var attempts = Enumerable.Range(0, 1200).Select(async _ =>
        {
            try
            {
                return await grain.Reserve(OrderId(), 1, InAnHour);
            }
            catch (RuleViolationException e) when (e.Code == "listing.insufficient-stock")
            {
                return null;
            }
        }).ToList();
        var lines = await Task.WhenAll(attempts);

        var granted = lines.Where(l => l is not null).ToList();
        Assert.Equal(500, granted.Count);
        var details = await grain.Get();
        Assert.Equal(0, details.Draft.Stock);
        Assert.Equal(500, details.Held);
        Assert.Equal(ListingStatus.SoldOut, details.Status);
        // Group commit: the 500 holds went to the database in fewer writes than there were holds.
        var writes = await fixture.StoredVersionAsync("listing", grain) - versionBefore;
        Assert.InRange(writes!.Value, 1, 499);
    }

    [Fact]
    public async Task TryReserveAnswersRefusalsAndAvailabilityCountsPromisedStock()
    {
        var grain = await Active(stock: 3, minOrder: 1);
        var granted = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => grain.TryReserve(OrderId(), 1, InAnHour)));

        Assert.Equal(3, granted.Count(g => g.Line is not null && g.Refused is null));
        Assert.All(granted.Where(g => g.Line is null), g => Assert.Equal("listing.insufficient-stock", g.Refused?.Code));
        // A refusal holds nothing, and the precheck sees what is promised.
        Assert.Equal(3, (await grain.Get()).Held);
        var availability = await grain.Availability(OrderId());
        Assert.Equal((0m, false), (availability.Stock, availability.HeldForOrder));
        // The throwing API refuses the same way.
        await GrainAssert.RefusedAsync(() => grain.Reserve(OrderId(), 1, InAnHour), "listing.insufficient-stock");
    }

    [Fact]
    public async Task ConcurrentReservationsOfMixedQuantitiesAccountForEveryUnit()
    {
        var grain = await Active(stock: 1000, minOrder: 0.5m);
        var random = new Random(20260616);
        var quantities = Enumerable.Range(0, 400).Select(_ => random.Next(500, 9000) / 1000m).ToList();

        var lines = await Task.WhenAll(quantities.Select(async q =>
        {
            try
            {
                return await grain.Reserve(OrderId(), q, InAnHour);
            }
            catch (RuleViolationException e) when (e.Code == "listing.insufficient-stock")
            {
                return null;
            }
        }));

        var held = lines.Where(l => l is not null).Sum(l => l!.Quantity);
        var details = await grain.Get();
        Assert.True(details.Draft.Stock >= 0);
        Assert.Equal(1000m, details.Draft.Stock + held);
        Assert.Equal(held, details.Held);
        Assert.Contains(lines, l => l is null); // 400 × 4.75 on average is far beyond 1000: some were refused
    }

    [Fact]
    public async Task ReservingTheSameOrderTwiceHoldsOnce()
    {
        var grain = await Active(stock: 100, minOrder: 1);
        var orderId = OrderId();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.Reserve(orderId, 7, InAnHour)));
        var again = await grain.Reserve(orderId, 9, InAnHour);

        Assert.All(results, line => Assert.Equal(results[0], line));
        Assert.Equal(results[0], again);
        Assert.Equal(93, (await grain.Get()).Draft.Stock);
        Assert.Equal(1, (await grain.Get()).HoldCount);
    }

    [Fact]
    public async Task ReservedLineSnapshotsTheTermsAndPricesTheLine()
    {
        var grain = await Active(stock: 100, minOrder: 0.5m);
        var holdUntil = InAnHour;

        var line = await grain.Reserve(OrderId(), 2.345m, holdUntil);

        var listing = await grain.Get();
        Assert.Equal(listing.Id, line.ListingId);
        Assert.Equal(listing.CooperativeId, line.CooperativeId);
        Assert.Equal("盘州鲜刺梨", line.Title);
        Assert.Equal(650, line.PriceFen);
        Assert.Equal(2.345m, line.Quantity);
        Assert.Equal(LinePricing.AmountFen(650, 2.345m), line.AmountFen);
        Assert.Equal(1524, line.AmountFen); // 1524.25 fen rounds half up to 1524
        Assert.Equal("520281", line.CountyCode);
        Assert.Equal(holdUntil, line.HoldUntil);

        await grain.Update(Samples.Listing(stock: 50) with { PriceFen = 900, MinOrder = 0.5m });
        Assert.Equal(650, line.PriceFen);
    }

    [Fact]
    public async Task ReleaseGivesTheStockBackOnceAndRevivesASoldOutListing()
    {
        var grain = await Active(stock: 10, minOrder: 1);
        var orderId = OrderId();
        await grain.Reserve(orderId, 10, InAnHour);
        Assert.Equal(ListingStatus.SoldOut, (await grain.Get()).Status);

        await grain.Release(orderId);
        await grain.Release(orderId);

        var details = await grain.Get();
        Assert.Equal(10, details.Draft.Stock);
        Assert.Equal(0, details.HoldCount);
        Assert.Equal(ListingStatus.Active, details.Status);
    }

    [Fact]
    public async Task ConfirmedSaleIsNeitherReleasedNorReturned()
    {
        var grain = await Active(stock: 10, minOrder: 1);
        var orderId = OrderId();
        await grain.Reserve(orderId, 4, InAnHour);

        await grain.Confirm(orderId);
        await grain.Confirm(orderId);
        await grain.Release(orderId);

        var details = await grain.Get();
        Assert.Equal(6, details.Draft.Stock);
        Assert.Equal(0, details.HoldCount);
    }

    [Fact]
    public async Task UnknownOrdersAreIgnoredByConfirmAndRelease()
    {
        var grain = await Active(stock: 10, minOrder: 1);
        var before = await grain.Get();

        await grain.Confirm(OrderId());
        await grain.Release(OrderId());

        Assert.Equal(before, await grain.Get());
    }

    [Fact]
    public async Task ReservationsRefuseWhatTheListingCannotGrant()
    {
        var grain = await Active(stock: 100, minOrder: 5);

        await GrainAssert.RefusedAsync(() => grain.Reserve(OrderId(), 4.999m, InAnHour), "listing.below-minimum-order");
        await GrainAssert.RefusedAsync(() => grain.Reserve(OrderId(), 100.001m, InAnHour), "listing.insufficient-stock");
        await grain.Pause();
        await GrainAssert.RefusedAsync(() => grain.Reserve(OrderId(), 10, InAnHour), "listing.not-available");

        var details = await grain.Get();
        Assert.Equal(100, details.Draft.Stock);
        Assert.Equal(0, details.HoldCount);
    }

    [Fact]
    public async Task DraftListingCannotBeReserved()
    {
        var cooperativeId = await _client.AdmittedCooperative();
        var grain = _client.GetGrain<IListingGrain>(Samples.ListingId());
        await grain.Create(cooperativeId, Samples.Listing());

        await GrainAssert.RefusedAsync(() => grain.Reserve(OrderId(), 100, InAnHour), "listing.not-available");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.0005")]
    public async Task BadQuantityIsInvalid(string quantity)
    {
        var grain = await Active(stock: 100, minOrder: 0.001m);

        await GrainAssert.InvalidAsync(
            () => grain.Reserve(OrderId(), decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), InAnHour), "quantity");

        Assert.Equal(100, (await grain.Get()).Draft.Stock);
    }

    [Fact]
    public async Task HoldThatAlreadyRanOutOrHasNoOrderIsInvalid()
    {
        var grain = await Active(stock: 100, minOrder: 1);

        await GrainAssert.InvalidAsync(() => grain.Reserve(OrderId(), 1, fixture.Clock.GetUtcNow().AddSeconds(-1)), "holdUntil");
        await GrainAssert.InvalidAsync(() => grain.Reserve(" ", 1, InAnHour), "orderId");
    }

    [Fact]
    public async Task HoldsSurviveReactivation()
    {
        var grain = await Active(stock: 100, minOrder: 1);
        var kept = OrderId();
        var released = OrderId();
        var line = await grain.Reserve(kept, 30, InAnHour);
        await grain.Reserve(released, 20, InAnHour);

        await fixture.Cluster.DeactivateAsync(grain);

        var details = await grain.Get();
        Assert.Equal(50, details.Draft.Stock);
        Assert.Equal(50, details.Held);
        Assert.Equal(line, await grain.Reserve(kept, 30, InAnHour));
        await grain.Release(released);
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal(70, (await grain.Get()).Draft.Stock);
        Assert.Equal(1, (await grain.Get()).HoldCount);
    }

    [Fact]
    public async Task RefusedWriteFailsItsReservationsAndLeavesNothingInMemory()
    {
        var grain = await Active(stock: 100, minOrder: 1);
        var before = await grain.Get();

        await using (await fixture.FailWritesToAsync(grain))
        {
            var attempts = Enumerable.Range(0, 30).Select(_ => grain.Reserve(OrderId(), 1, InAnHour)).ToList();
            foreach (var attempt in attempts) await Assert.ThrowsAnyAsync<Exception>(() => attempt);

            var during = await grain.Get();
            Assert.Equal(before.Draft.Stock, during.Draft.Stock);
            Assert.Equal(0, during.HoldCount);
        }

        var orderId = OrderId();
        await grain.Reserve(orderId, 100, InAnHour);
        await fixture.Cluster.DeactivateAsync(grain);
        var after = await grain.Get();
        Assert.Equal(0, after.Draft.Stock);
        Assert.Equal(1, after.HoldCount);
    }

    [Fact]
    public async Task PauseAmidReservationsStopsFurtherOnesAndLosesNoUnit()
    {
        var grain = await Active(stock: 300, minOrder: 1);

        var reservations = Enumerable.Range(0, 200).Select(async i =>
        {
            try
            {
                return (await grain.Reserve(OrderId(), 1, InAnHour)).Quantity;
            }
            catch (RuleViolationException e) when (e.Code == "listing.not-available")
            {
                return 0m;
            }
        }).ToList();
        var pause = grain.Pause();
        var held = (await Task.WhenAll(reservations)).Sum();
        await pause;

        var details = await grain.Get();
        Assert.Equal(ListingStatus.Paused, details.Status);
        Assert.Equal(300, details.Draft.Stock + held);
        Assert.Equal(held, details.Held);
        await GrainAssert.RefusedAsync(() => grain.Reserve(OrderId(), 1, InAnHour), "listing.not-available");
    }
}

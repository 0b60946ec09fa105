using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Households;
using AgriLink.Domain.Listings;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Households;
using AgriLink.Grains.Listings;
using Xunit;

namespace AgriLink.Grains.Tests;

/// <summary>State written by a grain comes back from SQLite after the activation is gone.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PersistenceTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task CooperativeComesBackFromTheDatabaseAfterDeactivation()
    {
        var grain = _client.GetGrain<ICooperativeGrain>(Samples.CooperativeId());
        await grain.Register(Samples.Cooperative());
        await grain.AddMember(new("ind-tao", MemberKind.Individual, "陶正华", IsFarmer: true, new(2012, 6, 18), IsOfficer: true));
        var before = await grain.UpdateProfile(Samples.Cooperative() with { Village = "娘娘山村" });

        await fixture.Cluster.DeactivateAsync(grain);
        var after = await grain.Get();

        Assert.Equal(3, await fixture.StoredVersionAsync("cooperative", grain));
        Assert.Equal(before.Profile, after.Profile);
        Assert.Equal(before.Members, after.Members);
        Assert.Equal(before.RegisteredAt, after.RegisteredAt);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(TimeSpan.FromHours(8), after.UpdatedAt.Offset);
    }

    [Fact]
    public async Task ReactivatedGrainReadsWhatTheDatabaseHolds()
    {
        var grain = _client.GetGrain<IHouseholdGrain>(Samples.HouseholdId());
        await grain.Register(Samples.Household(), null);
        await fixture.Cluster.DeactivateAsync(grain);

        // Change the row while no activation holds it: only a fresh read from SQLite can see this.
        var storage = fixture.OutsideStorage();
        var stored = new GrainState<HouseholdState>();
        await storage.ReadStateAsync("household", grain.GetGrainId(), stored, TestContext.Current.CancellationToken);
        Assert.NotNull(stored.State);
        stored.State = stored.State with { Profile = stored.State.Profile! with { People = 7 } };
        await storage.WriteStateAsync("household", grain.GetGrainId(), stored, TestContext.Current.CancellationToken);

        Assert.Equal(7, (await grain.Get()).Profile.People);
        Assert.Equal(2, await fixture.StoredVersionAsync("household", grain));
    }

    [Fact]
    public async Task PovertyHistoryComesBackFromTheDatabaseAfterDeactivation()
    {
        var grain = _client.GetGrain<IHouseholdGrain>(Samples.HouseholdId());
        await grain.Register(Samples.Household(), Samples.Change(PovertyStatus.RegisteredPoor, new(2014, 10, 15)));
        var before = await grain.ChangePovertyStatus(Samples.Change(PovertyStatus.Exited, new(2020, 11, 23)));

        await fixture.Cluster.DeactivateAsync(grain);
        var after = await grain.Get();

        Assert.Equal(PovertyStatus.Exited, after.Status);
        Assert.Equal(before.StatusHistory, after.StatusHistory);
        // The transition rules still apply to the reloaded history.
        await GrainAssert.RefusedAsync(() => grain.ChangePovertyStatus(Samples.Change(PovertyStatus.RegisteredPoor, new(2021, 1, 1))), "household.status-transition");
    }

    [Fact]
    public async Task ListingStatusAndFractionalStockComeBackFromTheDatabase()
    {
        var cooperativeId = Samples.CooperativeId();
        await _client.GetGrain<ICooperativeGrain>(cooperativeId).Register(Samples.Cooperative());
        await _client.Admit(cooperativeId); // only an admitted cooperative publishes
        var grain = _client.GetGrain<IListingGrain>(Samples.ListingId());
        await grain.Create(cooperativeId, Samples.Listing());
        await grain.Publish();
        await grain.SetStock(0.125m);
        await grain.Pause();

        await fixture.Cluster.DeactivateAsync(grain);
        var details = await grain.Get();

        Assert.Equal(ListingStatus.Paused, details.Status);
        Assert.Equal(0.125m, details.Draft.Stock);
        Assert.Equal(cooperativeId, details.CooperativeId);
        Assert.Equal(4, await fixture.StoredVersionAsync("listing", grain));
    }

    [Fact]
    public async Task UnregisteredGrainWritesNoRow()
    {
        var grain = _client.GetGrain<ICooperativeGrain>(Samples.CooperativeId());

        Assert.False(await grain.Exists());
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Null(await fixture.StoredVersionAsync("cooperative", grain));
    }
}

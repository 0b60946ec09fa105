using AgriLink.Domain.Buyers;
using AgriLink.Domain.Enterprises;
using AgriLink.Domain.Households;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Enterprises;
using AgriLink.Grains.Households;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Projections;
using AgriLink.Grains.VillageCollectives;
using Xunit;

namespace AgriLink.Grains.Tests.Projections;

/// <summary>
/// The list tables are written in each grain write's transaction by the state's projector. They are shared by the whole
/// collection, so tests look for their own rows and compare counts only across steps of their own (tests in one
/// collection never run at the same time).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DirectoryProjectionTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    private ProjectedList DirectoryOf(string kind) => new(fixture.Lists, kind);

    private async Task<DirectoryEntry> EntryAsync(string kind, string id) =>
        Assert.Single(await DirectoryOf(kind).List(), e => e.Id == id);

    [Fact]
    public async Task RegisteredCooperativeIsListedWithNameAndCounty()
    {
        var id = Samples.CooperativeId();
        var before = await DirectoryOf(DirectoryKinds.Cooperatives).Count();

        await _client.GetGrain<ICooperativeGrain>(id).Register(Samples.Cooperative(" 舍烹刺梨合作社 "));

        Assert.Equal(new DirectoryEntry(id, "舍烹刺梨合作社", "520281"), await EntryAsync(DirectoryKinds.Cooperatives, id));
        Assert.Equal(before + 1, await DirectoryOf(DirectoryKinds.Cooperatives).Count());
    }

    [Fact]
    public async Task CooperativeUpdateReplacesItsEntry()
    {
        var id = Samples.CooperativeId();
        var grain = _client.GetGrain<ICooperativeGrain>(id);
        await grain.Register(Samples.Cooperative());
        var count = await DirectoryOf(DirectoryKinds.Cooperatives).Count();

        await grain.UpdateProfile(Samples.Cooperative("盘州市舍烹刺梨合作社（更名）") with { CountyCode = "520222" });

        Assert.Equal(new DirectoryEntry(id, "盘州市舍烹刺梨合作社（更名）", "520222"), await EntryAsync(DirectoryKinds.Cooperatives, id));
        Assert.Equal(count, await DirectoryOf(DirectoryKinds.Cooperatives).Count());
    }

    [Fact]
    public async Task FailedRegistrationAddsNoEntry()
    {
        var id = Samples.CooperativeId();
        var count = await DirectoryOf(DirectoryKinds.Cooperatives).Count();

        await GrainAssert.InvalidAsync(() => _client.GetGrain<ICooperativeGrain>(id).Register(Samples.Cooperative() with { Phone = "123" }), "phone");

        Assert.Equal(count, await DirectoryOf(DirectoryKinds.Cooperatives).Count());
        Assert.DoesNotContain(await DirectoryOf(DirectoryKinds.Cooperatives).List(), e => e.Id == id);
    }

    [Fact]
    public async Task HouseholdEntryFollowsItsPovertyStatus()
    {
        var id = Samples.HouseholdId();
        var grain = _client.GetGrain<IHouseholdGrain>(id);

        await grain.Register(Samples.Household("龙永福"), null);
        var registered = await EntryAsync(DirectoryKinds.Households, id);
        var count = await DirectoryOf(DirectoryKinds.Households).Count();
        await grain.ChangePovertyStatus(Samples.Change(PovertyStatus.RegisteredPoor, new(2014, 10, 15)));

        Assert.Equal(new DirectoryEntry(id, "龙永福", "520281", Status: "NotPoor"), registered);
        Assert.Equal(new DirectoryEntry(id, "龙永福", "520281", Status: "RegisteredPoor"), await EntryAsync(DirectoryKinds.Households, id));
        Assert.Equal(count, await DirectoryOf(DirectoryKinds.Households).Count());
    }

    [Fact]
    public async Task EnterpriseIsListedWithItsLevel()
    {
        var id = Samples.EnterpriseId();

        await _client.GetGrain<IEnterpriseGrain>(id).Register(Samples.Enterprise() with { Level = EnterpriseLevel.Municipal });

        Assert.Equal(new DirectoryEntry(id, Samples.Enterprise().Name, "520115", Status: "Municipal"), await EntryAsync(DirectoryKinds.Enterprises, id));
    }

    [Fact]
    public async Task VillageCollectiveIsListedWithNameAndCounty()
    {
        var id = Samples.CollectiveId();

        await _client.GetGrain<IVillageCollectiveGrain>(id).Register(Samples.Collective());

        Assert.Equal(new DirectoryEntry(id, Samples.Collective().Name, "520123"), await EntryAsync(DirectoryKinds.VillageCollectives, id));
    }

    [Fact]
    public async Task BuyerIsListedUnderItsRegionParentAndType()
    {
        var parent = Samples.BuyerId();
        var id = Samples.BuyerId();
        await _client.GetGrain<IBuyerGrain>(parent).Register(Samples.Buyer());

        await _client.GetGrain<IBuyerGrain>(id).Register(Samples.Buyer("广州市荔湾区总工会", parent) with { Type = BuyerType.Union });

        Assert.Equal(new DirectoryEntry(id, "广州市荔湾区总工会", "440103", parent, "Union"), await EntryAsync(DirectoryKinds.Buyers, id));
        Assert.Equal(new DirectoryEntry(parent, Samples.Buyer().Name, "440103", null, "BudgetUnit"), await EntryAsync(DirectoryKinds.Buyers, parent));
    }

    [Fact]
    public async Task ListingEntryNamesItsCooperativeAndFollowsItsStatus()
    {
        var cooperativeId = Samples.CooperativeId();
        await _client.GetGrain<ICooperativeGrain>(cooperativeId).Register(Samples.Cooperative());
        await _client.Admit(cooperativeId); // only an admitted cooperative publishes
        var id = Samples.ListingId();
        var grain = _client.GetGrain<IListingGrain>(id);

        await grain.Create(cooperativeId, Samples.Listing());
        var draft = await EntryAsync(DirectoryKinds.Listings, id);
        var count = await DirectoryOf(DirectoryKinds.Listings).Count();
        await grain.Publish();
        await grain.SetStock(0);

        Assert.Equal(new DirectoryEntry(id, "盘州鲜刺梨", "520281", cooperativeId, "Draft"), draft);
        Assert.Equal("SoldOut", (await EntryAsync(DirectoryKinds.Listings, id)).Status);
        Assert.Equal(count, await DirectoryOf(DirectoryKinds.Listings).Count());
    }

    [Fact]
    public async Task DirectoryListsEntriesInIdOrder()
    {
        var first = "coop-" + new string('0', 10);
        var last = "coop-" + new string('z', 10);
        await _client.GetGrain<ICooperativeGrain>(last).Register(Samples.Cooperative());
        await _client.GetGrain<ICooperativeGrain>(first).Register(Samples.Cooperative());

        var ids = (await DirectoryOf(DirectoryKinds.Cooperatives).List()).Select(e => e.Id).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(first, ids[0]);
        Assert.Equal(last, ids[^1]);
    }
}

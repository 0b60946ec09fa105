using System.Text.Json.Nodes;
using AgriLink.Grains.Households;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Cooperatives;
using AgriLink.Storage.Audit;
using Xunit;

namespace AgriLink.Grains.Tests.Audit;

/// <summary>
/// A change its caller declared as audited is stored with its audit entry in one transaction: an acknowledged change
/// always has its entry, and a change the database refused has none.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AuditInTransactionTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    private SqlAuditLog Log => new(fixture.Database);

    [Fact]
    public async Task DeclaredChangeIsStoredWithItsEntry()
    {
        var id = Samples.HouseholdId();
        var grain = _client.GetGrain<IHouseholdGrain>(id);

        var registered = await Audited.As("household.register", "household", id, () => grain.Register(Samples.Household("龙永福"), null));
        await Audited.As("household.update-profile", "household", id, () => grain.UpdateProfile(registered.Profile with { People = 5 }));

        var entries = await Log.ReadAsync(new AuditQuery(ResourceType: "household", ResourceId: id), TestContext.Current.CancellationToken);
        Assert.Equal(["household.update-profile", "household.register"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("operator (1)", e.Actor));
        Assert.Null(entries[1].Before);
        Assert.Equal(4, (int)JsonNode.Parse(entries[0].Before!)!["profile"]!["people"]!);
        Assert.Equal(5, (int)JsonNode.Parse(entries[0].After!)!["profile"]!["people"]!);
    }

    [Fact]
    public async Task RefusedWriteLeavesNoEntry()
    {
        var id = Samples.CooperativeId();
        var grain = _client.GetGrain<ICooperativeGrain>(id);
        await grain.Register(Samples.Cooperative());

        await using (await fixture.FailWritesToAsync(grain))
        {
            await Assert.ThrowsAnyAsync<OrleansException>(() =>
                Audited.As("cooperative.update-profile", "cooperative", id, () => grain.UpdateProfile(Samples.Cooperative("未能保存的名称"))));
        }

        Assert.Empty(await Log.ReadAsync(new AuditQuery(ResourceType: "cooperative", ResourceId: id), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UndeclaredOrOtherResourcesChangesWriteNoEntry()
    {
        var id = Samples.HouseholdId();
        var other = Samples.HouseholdId();

        await _client.GetGrain<IHouseholdGrain>(id).Register(Samples.Household(), null);
        await Audited.As("household.register", "household", other, () => _client.GetGrain<IHouseholdGrain>(id).UpdateProfile(Samples.Household("改名")));

        Assert.Empty(await Log.ReadAsync(new AuditQuery(ResourceType: "household", ResourceId: id), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ListingCommandsSharingAWriteEachKeepTheirEntry()
    {
        var cooperativeId = Samples.CooperativeId();
        await _client.GetGrain<ICooperativeGrain>(cooperativeId).Register(Samples.Cooperative());
        var id = Samples.ListingId();
        var grain = _client.GetGrain<IListingGrain>(id);
        await Audited.As("listing.create", "listing", id, () => grain.Create(cooperativeId, Samples.Listing()));

        // Concurrent commands may share one group-committed write; each has its own entry in it.
        await Task.WhenAll(Enumerable.Range(1, 5).Select(i => Audited.As("listing.set-stock", "listing", id, () => grain.SetStock(100 + i))));

        var entries = await Log.ReadAsync(new AuditQuery(ResourceType: "listing", ResourceId: id), TestContext.Current.CancellationToken);
        Assert.Equal(5, entries.Count(e => e.Action == "listing.set-stock"));
        Assert.Single(entries, e => e.Action == "listing.create");
        var stock = (await grain.Get()).Draft.Stock;
        Assert.Contains(entries, e => (decimal)JsonNode.Parse(e.After!)!["draft"]!["stock"]! == stock);
    }

    [Fact]
    public async Task RegisterCharterAndAdmissionChangesAreStoredWithTheirEntries()
    {
        var village = await Shares.Village.FoundAsync(_client);
        var id = village.CooperativeId;

        await Audited.As("charter.set", "cooperative", id, () => village.Register.SetCharter(Shares.ShareSamples.Charter()));
        await Audited.As("admission.apply", "cooperative", id, () => _client.GetGrain<ICooperativeAdmissionGrain>(id).Apply("coop.admin"));

        var entries = await Log.ReadAsync(new AuditQuery(ResourceType: "cooperative", ResourceId: id), TestContext.Current.CancellationToken);
        Assert.Equal(["admission.apply", "charter.set"], entries.Select(e => e.Action));
        Assert.Equal(("\"NotApplied\"", "\"Applied\""), (entries[0].Before, entries[0].After));
        Assert.Null(entries[1].Before);
        Assert.NotNull(JsonNode.Parse(entries[1].After!)!["noticeDays"]);
    }

    [Fact]
    public async Task RefusedCharterAndQuotaWritesLeaveNoEntry()
    {
        var village = await Shares.Village.FoundAsync(_client, Shares.ShareSamples.Charter());
        await village.IndividualAsync("陶正华");
        var (amendment, _) = await Dividends.AssemblySteps.VoteCharterAmendmentAsync(_client, village.CooperativeId);
        var unit = await Quotas.QuotaSamples.RegisterAsync(_client);
        var quota = unit.Quota(_client);
        await quota.Declare(new global::AgriLink.Grains.Quotas.QuotaDeclaration(1_000_000));

        await using (await fixture.FailWritesToAsync(village.Register))
        await using (await fixture.FailWritesToAsync(quota))
        {
            await Assert.ThrowsAnyAsync<OrleansException>(() =>
                Audited.As("charter.amend", "cooperative", village.CooperativeId,
                    () => village.Register.AmendCharter(Shares.ShareSamples.Charter() with { NoticeDays = 10 }, amendment)));
            await Assert.ThrowsAnyAsync<OrleansException>(() =>
                Audited.As("quota.declare", "buyer-quota", quota.GetPrimaryKeyString(), () => quota.Declare(new global::AgriLink.Grains.Quotas.QuotaDeclaration(2_000_000))));
        }

        Assert.Empty(await Log.ReadAsync(new AuditQuery(ResourceType: "cooperative", ResourceId: village.CooperativeId), TestContext.Current.CancellationToken));
        Assert.Empty(await Log.ReadAsync(new AuditQuery(ResourceType: "buyer-quota", ResourceId: quota.GetPrimaryKeyString()), TestContext.Current.CancellationToken));
        // Declared and stored, the same change has its entry: the budget before and after.
        var declared = await Audited.As("quota.declare", "buyer-quota", quota.GetPrimaryKeyString(), () => quota.Declare(new global::AgriLink.Grains.Quotas.QuotaDeclaration(3_000_000)));
        var entry = Assert.Single(await Log.ReadAsync(new AuditQuery(ResourceType: "buyer-quota", ResourceId: quota.GetPrimaryKeyString()), TestContext.Current.CancellationToken));
        Assert.Equal(1_000_000, (long)JsonNode.Parse(entry.Before!)!["canteenFoodBudgetFen"]!);
        Assert.Equal(declared.CanteenFoodBudgetFen, (long)JsonNode.Parse(entry.After!)!["canteenFoodBudgetFen"]!);
    }
}

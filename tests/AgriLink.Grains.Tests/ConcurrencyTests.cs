using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Listings;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Listings;
using Orleans.Storage;
using Xunit;

namespace AgriLink.Grains.Tests;

/// <summary>
/// Another writer (a duplicate activation after a silo failure, say) changes a grain's row behind its back:
/// the grain's next write must be refused, the grain must not stay ahead of the database, and a retry must
/// start from what the other writer stored. (Orleans also recycles an activation whose write hit a version
/// conflict; <see cref="FailedWriteTests"/> covers failures where the activation stays.)
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConcurrencyTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    /// <summary>Reads the row fresh, changes it and writes it back with its own (current) version.</summary>
    private Task WriteBehindTheGrainsBack<T>(string stateName, IAddressable grain, Func<T, T> change) =>
        fixture.ChangeStoredStateAsync(stateName, grain, change);

    private async Task<T> ReadBehindTheGrainsBack<T>(string stateName, IAddressable grain)
    {
        var stored = new GrainState<T>();
        await fixture.OutsideStorage().ReadStateAsync(stateName, grain.GetGrainId(), stored, TestContext.Current.CancellationToken);
        Assert.NotNull(stored.State);
        return stored.State;
    }

    [Fact]
    public async Task StaleProfileUpdateIsRefusedAndTheRetryWins()
    {
        var grain = _client.GetGrain<ICooperativeGrain>(Samples.CooperativeId());
        await grain.Register(Samples.Cooperative());
        await WriteBehindTheGrainsBack<CooperativeState>("cooperative", grain,
            s => s with { Profile = s.Profile! with { Name = "外部写入的名称" } });

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.UpdateProfile(Samples.Cooperative("本次修改的名称")));

        Assert.Equal(2, await fixture.StoredVersionAsync("cooperative", grain));
        Assert.Equal("外部写入的名称", (await ReadBehindTheGrainsBack<CooperativeState>("cooperative", grain)).Profile!.Name);
        Assert.Equal("外部写入的名称", (await grain.Get()).Profile.Name);

        var retried = await grain.UpdateProfile(Samples.Cooperative("本次修改的名称"));

        Assert.Equal("本次修改的名称", retried.Profile.Name);
        Assert.Equal(3, await fixture.StoredVersionAsync("cooperative", grain));
        Assert.Equal("本次修改的名称", (await ReadBehindTheGrainsBack<CooperativeState>("cooperative", grain)).Profile!.Name);
    }

    [Fact]
    public async Task RetriedMemberAdditionKeepsTheOtherWritersMember()
    {
        var grain = _client.GetGrain<ICooperativeGrain>(Samples.CooperativeId());
        await grain.Register(Samples.Cooperative());
        var theirs = new CooperativeMember("ind-theirs", MemberKind.Individual, "外部加入", IsFarmer: true, new(2020, 1, 1));
        var mine = new CooperativeMember("ind-mine", MemberKind.Individual, "本次加入", IsFarmer: true, new(2020, 1, 1));
        await WriteBehindTheGrainsBack<CooperativeState>("cooperative", grain, s => s with { Members = [theirs] });

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.AddMember(mine));

        Assert.Equal([theirs], (await grain.Get()).Members);

        await grain.AddMember(mine);

        Assert.Equal([theirs, mine], (await grain.Get()).Members);
        Assert.Equal([theirs, mine], (await ReadBehindTheGrainsBack<CooperativeState>("cooperative", grain)).Members);
    }

    [Fact]
    public async Task RetryIsJudgedAgainstTheStateTheOtherWriterLeft()
    {
        var cooperativeId = Samples.CooperativeId();
        await _client.GetGrain<ICooperativeGrain>(cooperativeId).Register(Samples.Cooperative());
        await _client.Admit(cooperativeId); // only an admitted cooperative publishes
        var grain = _client.GetGrain<IListingGrain>(Samples.ListingId());
        await grain.Create(cooperativeId, Samples.Listing());
        await grain.Publish();
        await WriteBehindTheGrainsBack<ListingState>("listing", grain, s => s with { Status = ListingStatus.Archived });

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetStock(5));

        // The grain now knows the listing was archived elsewhere, so the same request is a rule violation.
        await GrainAssert.RefusedAsync(() => grain.SetStock(5), "listing.illegal-transition");
        var details = await grain.Get();
        Assert.Equal(ListingStatus.Archived, details.Status);
        Assert.Equal(Samples.Listing().Stock, details.Draft.Stock);
        Assert.Equal(3, await fixture.StoredVersionAsync("listing", grain));
    }

    [Fact]
    public async Task RegistrationRacingAnotherWriterIsRefused()
    {
        var grain = _client.GetGrain<ICooperativeGrain>(Samples.CooperativeId());
        Assert.False(await grain.Exists());
        // Someone else registers the same id after this activation read "nothing there".
        var storage = fixture.OutsideStorage();
        var theirs = new GrainState<CooperativeState>(new CooperativeState { Profile = Samples.Cooperative("先注册的合作社") });
        await storage.WriteStateAsync("cooperative", grain.GetGrainId(), theirs, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Register(Samples.Cooperative("后注册的合作社")));

        Assert.Equal("先注册的合作社", (await grain.Get()).Profile.Name);
        await GrainAssert.RefusedAsync(() => grain.Register(Samples.Cooperative("后注册的合作社")), "cooperative.exists");
        Assert.Equal(1, await fixture.StoredVersionAsync("cooperative", grain));
    }
}

using AgriLink.Domain.Households;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Tests.Projections;
using AgriLink.Grains.Households;
using Xunit;

namespace AgriLink.Grains.Tests;

/// <summary>
/// A write the database refuses for a reason other than a version conflict: the activation stays (Orleans only
/// recycles it on a conflict), so it is the grain's own job not to keep the value that was never stored.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FailedWriteTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task RefusedProfileWriteLeavesTheGrainOnTheStoredProfile()
    {
        var id = Samples.CooperativeId();
        var grain = _client.GetGrain<ICooperativeGrain>(id);
        var registered = await grain.Register(Samples.Cooperative());
        Assert.True(fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out var activation));

        await using (await fixture.FailWritesToAsync(grain))
        {
            await Assert.ThrowsAnyAsync<OrleansException>(() => grain.UpdateProfile(Samples.Cooperative("未能保存的名称")));

            var details = await grain.Get();
            Assert.Equal(registered.Profile, details.Profile);
            Assert.Equal(registered.UpdatedAt, details.UpdatedAt);
            Assert.True(fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out var current));
            Assert.Same(activation, current);
        }

        Assert.Equal(1, await fixture.StoredVersionAsync("cooperative", grain));
        var entry = Assert.Single(await new ProjectedList(fixture.Lists, DirectoryKinds.Cooperatives).List(), e => e.Id == id);
        Assert.Equal(registered.Profile.Name, entry.Name);
    }

    [Fact]
    public async Task WriteRetriedAfterTheFailureIsStored()
    {
        var grain = _client.GetGrain<ICooperativeGrain>(Samples.CooperativeId());
        await grain.Register(Samples.Cooperative());
        await using (await fixture.FailWritesToAsync(grain))
        {
            await Assert.ThrowsAnyAsync<OrleansException>(() => grain.UpdateProfile(Samples.Cooperative("重试后保存的名称")));
        }

        await grain.UpdateProfile(Samples.Cooperative("重试后保存的名称"));
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal("重试后保存的名称", (await grain.Get()).Profile.Name);
        Assert.Equal(2, await fixture.StoredVersionAsync("cooperative", grain));
    }

    [Fact]
    public async Task RefusedStatusChangeIsNotKeptInTheHistory()
    {
        var grain = _client.GetGrain<IHouseholdGrain>(Samples.HouseholdId());
        await grain.Register(Samples.Household(), Samples.Change(PovertyStatus.RegisteredPoor, new(2014, 10, 15)));

        await using (await fixture.FailWritesToAsync(grain))
        {
            await Assert.ThrowsAnyAsync<OrleansException>(() => grain.ChangePovertyStatus(Samples.Change(PovertyStatus.Exited, new(2019, 12, 20))));
        }

        // Had the refused change stayed in memory, Exited → Exited would now be an illegal transition.
        var details = await grain.ChangePovertyStatus(Samples.Change(PovertyStatus.Exited, new(2019, 12, 20)));
        Assert.Equal([PovertyStatus.RegisteredPoor, PovertyStatus.Exited], details.StatusHistory.Select(c => c.Status));
    }
}

using AgriLink.Storage;
using Xunit;

namespace AgriLink.Grains.Tests.Reminders;

/// <summary>Reminders on the shared test cluster go through the relational reminder table.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReminderTests(ClusterFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReminderRegisteredByAGrainIsStoredAndFires()
    {
        var probe = $"probe-{Guid.NewGuid():N}";
        var grain = fixture.Client.GetGrain<IDeadlineProbeGrain>(probe);

        await grain.Arm(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));
        Assert.Equal(1, await ReminderRows.CountAsync(fixture.Database, grain, Ct));

        var firedOn = await DeadlineSignals.For(probe).Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(fixture.Cluster.Silos[0].SiloAddress, firedOn);
        Assert.Equal(0, await ReminderRows.CountAsync(fixture.Database, grain, Ct)); // the probe unregistered it
    }
}

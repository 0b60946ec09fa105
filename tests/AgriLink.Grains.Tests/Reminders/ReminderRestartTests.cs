using AgriLink.Storage;
using AgriLink.Storage.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit;

namespace AgriLink.Grains.Tests.Reminders;

/// <summary>
/// A deadline registered on one cluster fires on a new cluster started on the same database file: the reminder lives
/// in the database, not in the silo that registered it. Each test runs its own clusters, one after the other.
/// </summary>
public sealed class ReminderRestartTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"agrilink-reminders-{Guid.NewGuid():N}");
    private readonly string _serviceId = $"agrilink-{Guid.NewGuid():N}";
    private readonly List<InProcessTestCluster> _clusters = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabaseFile => Path.Combine(_folder, "agrilink.db");

    [Fact]
    public async Task ADeadlineRegisteredBeforeARestartFiresOnTheNextSilo()
    {
        var probe = $"probe-{Guid.NewGuid():N}";
        var first = await StartClusterAsync();
        var grain = first.Client.GetGrain<IDeadlineProbeGrain>(probe);

        // Due after the first silo is gone; the short period means a tick missed while no silo ran comes soon after.
        await grain.Arm(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2));
        await StopAsync(first);
        Assert.False(DeadlineSignals.For(probe).Task.IsCompleted, "the deadline fired before the restart; the test proves nothing");

        var second = await StartClusterAsync();
        var firedOn = await DeadlineSignals.For(probe).Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(second.Silos[0].SiloAddress, firedOn);
        var database = AgriLinkDatabase.Sqlite(DatabaseFile);
        Assert.Equal(0, await ReminderRows.CountAsync(database, second.Client.GetGrain<IDeadlineProbeGrain>(probe), Ct));
    }

    [Fact]
    public async Task AReminderUnregisteredBeforeARestartStaysGone()
    {
        var probe = $"probe-{Guid.NewGuid():N}";
        var first = await StartClusterAsync();
        var grain = first.Client.GetGrain<IDeadlineProbeGrain>(probe);
        await grain.Arm(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));
        var database = AgriLinkDatabase.Sqlite(DatabaseFile);
        Assert.Equal(1, await ReminderRows.CountAsync(database, grain, Ct));

        // Re-arming replaces the one row rather than adding a second reminder.
        await grain.Arm(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(10));
        await StopAsync(first);

        var second = await StartClusterAsync();
        var table = second.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        var rows = await table.ReadRows(grain.GetGrainId(), Ct);

        var row = Assert.Single(rows.Reminders);
        Assert.Equal(DeadlineProbeGrain.ReminderName, row.ReminderName);
        Assert.Equal(TimeSpan.FromMinutes(10), row.Period);
        Assert.InRange(row.StartAt - DateTime.UtcNow, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(20));
    }

    private async Task<InProcessTestCluster> StartClusterAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.ServiceId = _serviceId; // the reminder rows belong to the service, which outlives each cluster
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddAgriLinkDatabase(AgriLinkDatabase.Sqlite(DatabaseFile));
            silo.AddAgriLinkStorage(reminders: options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        var cluster = builder.Build();
        _clusters.Add(cluster);
        await cluster.DeployAsync();
        return cluster;
    }

    private async Task StopAsync(InProcessTestCluster cluster)
    {
        _clusters.Remove(cluster);
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    public ValueTask InitializeAsync() => default;

    public async ValueTask DisposeAsync()
    {
        foreach (var cluster in _clusters.ToArray())
        {
            await StopAsync(cluster);
        }

        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }
}

using AgriLink.Hosting;
using AgriLink.Storage;
using AgriLink.Storage.Hosting;
using AgriLink.Storage.Ledger;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using AgriLinkSiloOptions = AgriLink.Hosting.SiloOptions;
using Orleans.Storage;

namespace AgriLink.Benchmarks;

/// <summary>
/// One embedded silo wired as the web host wires its co-hosted silo (<c>AddAgriLinkDatabase</c> with a SQLite file,
/// <c>UseOrleans</c> + <c>AddAgriLinkSilo</c>), on free ports, with a <see cref="BenchmarkClock"/> as its
/// <see cref="TimeProvider"/>. The only departure: a longer response timeout, so a slow call is measured rather than
/// cut off at Orleans' default 30 s; the report flags any call that would have hit that default.
/// </summary>
public sealed class BenchmarkSilo : IAsyncDisposable
{
    public static readonly TimeSpan DefaultResponseTimeout = TimeSpan.FromSeconds(30);

    private readonly IHost _host;

    private BenchmarkSilo(IHost host, AgriLinkDatabase database)
    {
        _host = host;
        Database = database;
    }

    public AgriLinkDatabase Database { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public ILedger Ledger => _host.Services.GetRequiredService<ILedger>();

    /// <summary>The grain storage every AgriLink grain persists through (the silo's own instance).</summary>
    public IGrainStorage Storage => _host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);

    /// <summary>The <see cref="TimeProvider"/> the silo resolved: the benchmark clock, or the run is refused.</summary>
    public TimeProvider ClockInUse => _host.Services.GetRequiredService<TimeProvider>();

    public IGrainStorageSerializer StorageSerializer => _host.Services.GetRequiredKeyedService<IGrainStorageSerializer>(StorageNames.Main);

    public static Task<BenchmarkSilo> StartAsync(string databaseFile, TimeProvider clock) =>
        StartAsync(AgriLinkDatabase.Sqlite(databaseFile), clock, "agrilink-bench", "agrilink-bench");

    /// <summary>
    /// A silo on <paramref name="database"/> (SQLite or PostgreSQL), a localhost cluster of its own. With the service id
    /// of another cluster (AgriLink's default is <c>agrilink</c>) it reads and writes that cluster's grain state: the
    /// cluster benchmark prepares a declaration this way before its cluster starts, and verifies it after it stops.
    /// </summary>
    public static async Task<BenchmarkSilo> StartAsync(AgriLinkDatabase database, TimeProvider clock, string clusterId, string serviceId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = false });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{AgriLinkSiloOptions.Section}:{nameof(AgriLinkSiloOptions.SiloPort)}"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{AgriLinkSiloOptions.Section}:{nameof(AgriLinkSiloOptions.GatewayPort)}"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{AgriLinkSiloOptions.Section}:{nameof(AgriLinkSiloOptions.ClusterId)}"] = clusterId,
            [$"{AgriLinkSiloOptions.Section}:{nameof(AgriLinkSiloOptions.ServiceId)}"] = serviceId,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Orleans' timer and health watchdogs reckon due times with the same TimeProvider, so moving the clock past the
        // public notice makes them warn that timers fired days late (and the anchor in the past, that a check is long
        // overdue). Those warnings describe the benchmark's clock, not the system: only their errors are shown.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.Logging.AddFilter("Orleans.Runtime.AsyncTimer", LogLevel.Error);
        builder.Logging.AddFilter("Orleans.Runtime.MembershipService.LocalSiloHealthMonitor", LogLevel.Error);

        builder.Services.AddAgriLinkDatabase(database);
        builder.Services.AddSingleton(clock); // before AddAgriLinkSilo, whose TryAdd then keeps it
        builder.UseOrleans(silo =>
        {
            silo.AddAgriLinkSilo(builder.Configuration);
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
        });

        var host = builder.Build();
        await host.StartAsync();
        return new BenchmarkSilo(host, database);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
    }

    private static int FreePort() => FlashSale.FlashSaleBenchmark.FreePort();
}

using System.Globalization;
using AgriLink.Hosting;
using AgriLink.Storage;
using AgriLink.Storage.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using AgriLinkSiloOptions = AgriLink.Hosting.SiloOptions;

namespace AgriLink.Web.Tests.Dividends;

/// <summary>
/// An Orleans silo in the test process on an app's data folder, wired as the web host wires its own
/// (<c>AddAgriLinkDatabase</c> on the SQLite file, <c>UseOrleans</c> + <c>AddAgriLinkSilo</c>, free ports),
/// but with a platform clock of the test's choosing: how a test prepares, in the past, data the real app then
/// finds on the same folder. Only while the app is not running on that folder.
/// </summary>
public sealed class PreparingSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _connectionString;

    private PreparingSilo(IHost host, string connectionString)
    {
        _host = host;
        _connectionString = connectionString;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public TimeProvider Clock => _host.Services.GetRequiredService<TimeProvider>();

    public static async Task<PreparingSilo> StartAsync(string dataFolder, TimeProvider clock, CancellationToken ct)
    {
        var database = AgriLinkDatabase.Sqlite(new DataFolder(dataFolder).DatabaseFile);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{AgriLinkSiloOptions.Section}:{nameof(AgriLinkSiloOptions.SiloPort)}"] = Infrastructure.FreePort.Next().ToString(CultureInfo.InvariantCulture),
            [$"{AgriLinkSiloOptions.Section}:{nameof(AgriLinkSiloOptions.GatewayPort)}"] = Infrastructure.FreePort.Next().ToString(CultureInfo.InvariantCulture),
            // Another cluster than any app in this process; the service (and so the stored grain state) is the app's.
            [$"{AgriLinkSiloOptions.Section}:{nameof(AgriLinkSiloOptions.ClusterId)}"] = "agrilink-test-preparing",
        });
        builder.Services.AddAgriLinkDatabase(database);
        // Before the silo's TryAddSingleton(TimeProvider.System), so the grains are given this clock.
        builder.Services.AddSingleton(clock);
        builder.UseOrleans(silo => silo.AddAgriLinkSilo(builder.Configuration));
        var host = builder.Build();
        try
        {
            await host.StartAsync(ct);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        var silo = new PreparingSilo(host, database.ConnectionString);
        if (!ReferenceEquals(silo.Clock, clock))
        {
            await silo.DisposeAsync();
            throw new InvalidOperationException($"The silo's TimeProvider is {silo.Clock.GetType().Name}, not the test's clock.");
        }
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            _host.Dispose();
            // Close the pooled connections to the file, so the app (and the temp folder's deletion) has it alone.
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}

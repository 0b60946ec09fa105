using System.Data.Common;
using AgriLink.Grains.Projections;
using AgriLink.Storage;
using AgriLink.Storage.Hosting;
using AgriLink.Storage.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit;

namespace AgriLink.Grains.Tests;

/// <summary>
/// One in-process silo for every grain test, persisting through the real relational grain storage into a
/// temporary SQLite file. Its clock is anchored late on a UTC evening, when China is already on the next day.
/// A derived fixture (a second cluster of its own) may add or replace silo services.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    /// <summary>18:30 UTC on 15 June 2026 is 02:30 on 16 June in China.</summary>
    public static readonly DateTimeOffset Anchor = new(2026, 6, 15, 18, 30, 0, TimeSpan.Zero);

    /// <summary>The platform's date (China Standard Time) while the tests run.</summary>
    public static readonly DateOnly Today = new(2026, 6, 16);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"agrilink-grains-{Guid.NewGuid():N}");

    public AnchoredClock Clock { get; } = new(Anchor);

    public AgriLinkDatabase Database { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The read side over the silo's database: the lists the projections answer.</summary>
    public DirectoryQueries Lists => new(Database);

    public DemandQueries Demands => new(Database);

    public OfftakeQueries Offtake => new(Database);

    public InvoiceQueries Invoices => new(Database);

    /// <summary>The first page of a list, as long as a page may be (the tests' lists are shorter).</summary>
    public static PageRequest FirstPage { get; } = new(0, PageRequest.MaxLimit, null);

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        Database = AgriLinkDatabase.Sqlite(Path.Combine(_folder, "agrilink.db"));
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddAgriLinkDatabase(Database);
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.AddAgriLinkStorage(reminders: options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.AddAgriLinkProjections();
            ConfigureSiloServices(silo.Services);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Runs after the standard registrations, so an override can replace one of them.</summary>
    protected virtual void ConfigureSiloServices(IServiceCollection services)
    {
    }

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (Database is not null)
        {
            using var connection = new SqliteConnection(Database.ConnectionString);
            SqliteConnection.ClearPool(connection);
        }

        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>
    /// A second storage on the same file, as another silo (or a stale duplicate activation) would have:
    /// its own database handle, the silo's serializer, so it reads and writes exactly what the grains do.
    /// </summary>
    public RelationalGrainStorage OutsideStorage()
    {
        var silo = Cluster.Silos[0].ServiceProvider;
        return new RelationalGrainStorage(
            new AgriLinkDatabase(Database.Dialect, Database.ConnectionString),
            silo.GetRequiredKeyedService<IGrainStorageSerializer>(StorageNames.Main),
            silo.GetRequiredService<IActivatorProvider>());
    }

    /// <summary>A grain's state as stored (read fresh from its row, not from the activation).</summary>
    public async Task<T> StoredStateAsync<T>(string stateName, IAddressable grain)
    {
        var stored = new GrainState<T>();
        await OutsideStorage().ReadStateAsync(stateName, grain.GetGrainId(), stored, TestContext.Current.CancellationToken);
        Assert.True(stored.RecordExists);
        return stored.State ?? throw new InvalidOperationException("The stored state read as null.");
    }

    /// <summary>
    /// Reads a grain's state row fresh, changes it and writes it back with its own (current) version, behind the grain's
    /// back: what another silo, or an earlier version of the code, would have stored.
    /// </summary>
    public async Task ChangeStoredStateAsync<T>(string stateName, IAddressable grain, Func<T, T> change)
    {
        var storage = OutsideStorage();
        var stored = new GrainState<T>();
        await storage.ReadStateAsync(stateName, grain.GetGrainId(), stored, TestContext.Current.CancellationToken);
        Assert.True(stored.RecordExists);
        Assert.NotNull(stored.State);
        stored.State = change(stored.State);
        await storage.WriteStateAsync(stateName, grain.GetGrainId(), stored, TestContext.Current.CancellationToken);
    }

    /// <summary>The stored version of a grain's state row, or null when it has none; read with plain SQL.</summary>
    public async Task<long?> StoredVersionAsync(string stateName, IAddressable grain)
    {
        await using var connection = await new AgriLinkDatabase(Database.Dialect, Database.ConnectionString).OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM grain_state WHERE state_name = $state AND grain_id = $grain";
        AddParameter(command, "$state", stateName);
        AddParameter(command, "$grain", grain.GetGrainId().ToString());
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) as long?;
    }

    /// <summary>
    /// Makes the database refuse every write to one grain's rows (a trigger that aborts), as a full disk or a
    /// lost connection would, until the returned handle is disposed.
    /// </summary>
    public async Task<IAsyncDisposable> FailWritesToAsync(IAddressable grain)
    {
        var grainId = grain.GetGrainId().ToString();
        Assert.Matches("^[a-z0-9/:-]+$", grainId); // safe to inline into the DDL below (':' for coop-year keys)
        var trigger = "fail_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE TRIGGER {trigger} BEFORE UPDATE ON grain_state WHEN NEW.grain_id = '{grainId}' " +
                           "BEGIN SELECT RAISE(ABORT, 'injected write failure'); END");
        return new Callback(() => ExecuteAsync($"DROP TRIGGER {trigger}"));
    }

    /// <summary>Runs a statement on the silo's database behind the grains' backs (test setup: rows an older version lacked).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private sealed class Callback(Func<Task> onDispose) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await onDispose();
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Orleans cluster";
}

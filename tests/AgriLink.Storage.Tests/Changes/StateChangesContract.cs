using AgriLink.Storage.Audit;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Hosting;
using AgriLink.Storage.Outbox;
using AgriLink.Storage.Projections;
using AgriLink.Storage.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Xunit;

namespace AgriLink.Storage.Tests.Changes;

/// <summary>
/// A grain state write carries its read rows, audit entries and outbox events in its own transaction: all of them or
/// none. Subclassed once per engine.
/// </summary>
public abstract class StateChangesContract : StorageTestBase
{
    private const string StateName = "listing";

    private ServiceProvider? _services;

    private ServiceProvider Services => _services ??= new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(TestListingState).Assembly))
        .AddAgriLinkDatabase(Database)
        .AddSingleton<IStateProjector, TestListingProjector>()
        .AddAgriLinkGrainStorage()
        .BuildServiceProvider();

    private IGrainStorage Storage => Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);

    private OutboxStore Outbox => Services.GetRequiredService<OutboxStore>();

    private IAuditLog Audit => Services.GetRequiredService<IAuditLog>();

    [Fact]
    public async Task StateRowsAuditAndEventsAreWrittenTogether()
    {
        var grain = NewGrain();
        var state = NewState("盘州鲜刺梨", 1280);

        await WriteAsync(grain, state, Changes(grain, "listing.created"));

        var row = Assert.Single(await RowsAsync(grain));
        Assert.Equal(("盘州鲜刺梨", 1280L), row);
        var entry = Assert.Single(await AuditOfAsync(grain));
        Assert.Equal("listing.create", entry.Action);
        Assert.Equal("operator (1)", entry.Actor);
        var e = Assert.Single(await EventsOfAsync(grain));
        Assert.Equal("listing.created", e.Name);
        Assert.Equal(1, e.Sequence);
    }

    [Fact]
    public async Task EventsWithoutASequenceAreNumberedByTheStateVersion()
    {
        var grain = NewGrain();
        var state = NewState("v1", 100);
        await WriteAsync(grain, state, Changes(grain, "listing.created"));
        state.State.PriceFen = 120;
        await WriteAsync(grain, state, Changes(grain, "listing.price-changed"));
        state.State.PriceFen = 130;
        await WriteAsync(grain, state, Changes(grain, "listing.price-changed"));

        var events = await EventsOfAsync(grain);

        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Sequence));
        Assert.Equal(state.ETag, events[^1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("v1", 130L), Assert.Single(await RowsAsync(grain)));
    }

    [Fact]
    public async Task StaleWriteWritesNoneOfItsChanges()
    {
        var grain = NewGrain();
        var current = NewState("original", 100);
        await WriteAsync(grain, current, Changes(grain, "listing.created"));
        var stale = new TestGrainState(new TestListingState { Title = "stale", PriceFen = 999 }, current.ETag);
        current.State.PriceFen = 150;
        await WriteAsync(grain, current, Changes(grain, "listing.price-changed"));

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(grain, stale, Changes(grain, "listing.stale")));

        Assert.Equal(("original", 150L), Assert.Single(await RowsAsync(grain)));
        Assert.DoesNotContain(await EventsOfAsync(grain), e => e.Name == "listing.stale");
        Assert.Equal(2, (await AuditOfAsync(grain)).Count);
    }

    [Fact]
    public async Task AFailureInsideTheTransactionLeavesNothing()
    {
        var grain = NewGrain();
        var state = NewState("never stored", 100);
        // A read row the database refuses (NOT NULL), written after the state row in the same transaction.
        var changes = Changes(grain, "listing.created")
            .Add(ProjectionTables.Cooperatives.Upsert("coop-broken", null, "520281", "村", TestListingProjector.At));

        await Assert.ThrowsAnyAsync<Exception>(() => WriteAsync(grain, state, changes));

        var read = new TestGrainState(new TestListingState());
        await Storage.ReadStateAsync(StateName, grain, read, Ct);
        Assert.False(read.RecordExists);
        Assert.Null(state.ETag);
        Assert.Empty(await RowsAsync(grain));
        Assert.Empty(await AuditOfAsync(grain));
        Assert.Empty(await EventsOfAsync(grain));
    }

    [Fact]
    public async Task GroupCommitKeepsEachGrainsChangesWithItsState()
    {
        var grains = Enumerable.Range(0, 24).Select(_ => NewGrain()).ToList();
        var stale = grains[7];
        var seeded = NewState("seed", 1);
        await WriteAsync(stale, seeded, null);
        var staleState = new TestGrainState(new TestListingState { Title = "stale" }, etag: null);

        // Every write at once: the writer commits them in a few shared transactions, each row still version-checked.
        var writes = grains.Select((g, i) => g == stale
            ? Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(g, staleState, Changes(g, "listing.stale")))
            : WriteAsync(g, NewState($"burst {i}", i), Changes(g, "listing.created")));
        await Task.WhenAll(writes);

        foreach (var (grain, i) in grains.Select((g, i) => (g, i)))
        {
            if (grain == stale)
            {
                Assert.Equal(("seed", 1L), Assert.Single(await RowsAsync(grain)));
                Assert.Empty(await EventsOfAsync(grain));
                Assert.Empty(await AuditOfAsync(grain));
                continue;
            }

            Assert.Equal(($"burst {i}", (long)i), Assert.Single(await RowsAsync(grain)));
            Assert.Equal(1, Assert.Single(await EventsOfAsync(grain)).Sequence);
            Assert.Single(await AuditOfAsync(grain));
        }
    }

    [Fact]
    public async Task ClearingAStateDeletesItsRows()
    {
        var grain = NewGrain();
        var state = NewState("to be cleared", 100);
        await WriteAsync(grain, state, null);

        await Storage.ClearStateAsync(StateName, grain, state, Ct);

        Assert.Empty(await RowsAsync(grain));
    }

    [Fact]
    public async Task OutboxIsReadInOrderAfterAConsumersAcknowledgedPosition()
    {
        var grains = Enumerable.Range(0, 5).Select(_ => NewGrain()).ToList();
        foreach (var grain in grains) await WriteAsync(grain, NewState("x", 1), Changes(grain, "listing.created"));
        var all = await Outbox.ReadAfterAsync(0, 100, Ct);
        var positions = all.Select(e => e.Position).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Count, positions.Distinct().Count());

        await Outbox.AcknowledgeAsync("search:node-1", positions[2], Ct);
        await Outbox.AcknowledgeAsync("search:node-1", positions[1], Ct); // never moves back
        var resumed = await Outbox.ReadAfterAsync((await Outbox.PositionAsync("search:node-1", Ct))!.Value, 100, Ct);

        Assert.Equal(positions[2], await Outbox.PositionAsync("search:node-1", Ct));
        Assert.Equal(positions.Skip(3), resumed.Select(e => e.Position));
        Assert.Null(await Outbox.PositionAsync("live:node-2", Ct));
        Assert.Equal(positions[^1], await Outbox.LatestAsync(Ct));
    }

    [Fact]
    public async Task RebuildMakesTheSameRowsFromTheStoredStates()
    {
        var grains = Enumerable.Range(0, 1200).Select(_ => NewGrain()).ToList();
        await Task.WhenAll(grains.Select((g, i) => WriteAsync(g, NewState($"listing {i}", i), null)));
        var before = await AllRowsAsync();
        // A row lost and a row that belongs to no state: both mended by the rebuild.
        await ExecuteAsync($"DELETE FROM listings WHERE id = '{grains[3].Key}'");
        await ExecuteAsync("INSERT INTO listings (id, cooperative_id, title, county_code, status, price_fen, certified, updated_at) " +
                           $"SELECT 'orphan', cooperative_id, title, county_code, status, price_fen, certified, updated_at FROM listings WHERE id = '{grains[4].Key}'");
        var progress = new List<(string, long, long)>();

        var report = await Services.GetRequiredService<ProjectionRebuilder>().RebuildAsync(new SyncProgress(progress.Add), Ct);

        Assert.Equal(before, await AllRowsAsync());
        Assert.True(report.Consistent);
        Assert.True(report.StatesRead["listing"] >= 1200);
        Assert.Equal(report.StatesRead["listing"], report.RowsCounted["listings"]);
        Assert.Equal(report.StatesRead["listing"], progress[^1].Item2);
    }

    protected override async ValueTask ReleaseAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
    }

    private static GrainId NewGrain() => GrainId.Create("listing", $"lst-{Guid.NewGuid():N}");

    private static TestGrainState NewState(string title, long priceFen) =>
        new(new TestListingState { Title = title, PriceFen = priceFen, Supplier = new TestSupplier("coop-1", 86) });

    private static StateChanges Changes(GrainId grain, string eventName) => new StateChanges()
        .Add(new AuditRecord("operator (1)", eventName.Replace("created", "create"), "listing", grain.Key.ToString()!, null, "{}"))
        .Add(new OutboxMessage("market", eventName, $"listing:{grain.Key}", null, TestListingProjector.At, "{}"));

    private Task WriteAsync(GrainId grain, TestGrainState state, StateChanges? changes) =>
        StagedChanges.WithAsync(changes, () => Storage.WriteStateAsync(StateName, grain, state, Ct));

    private async Task<List<(string Title, long PriceFen)>> RowsAsync(GrainId grain)
    {
        await using var connection = await Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT title, price_fen FROM listings WHERE id = @id";
        Database.Dialect.AddParameter(command, "@id", grain.Key.ToString());
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync(Ct)) rows.Add((reader.GetString(0), reader.GetInt64(1)));
        return rows;
    }

    private async Task<List<string>> AllRowsAsync()
    {
        await using var connection = await Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, cooperative_id, title, price_fen FROM listings ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct)) rows.Add($"{reader.GetString(0)}|{reader.GetString(1)}|{reader.GetString(2)}|{reader.GetInt64(3)}");
        return rows;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditOfAsync(GrainId grain) =>
        await Audit.ReadAsync(new AuditQuery(ResourceType: "listing", ResourceId: grain.Key.ToString()), Ct);

    private async Task<List<OutboxRecord>> EventsOfAsync(GrainId grain)
    {
        var resource = $"listing:{grain.Key}";
        return (await Outbox.ReadAfterAsync(0, OutboxStore.MaxBatch, Ct)).Where(e => e.Resource == resource).ToList();
    }

    /// <summary>Reports on the caller's thread (unlike <see cref="Progress{T}"/>, which posts and may arrive late).</summary>
    private sealed class SyncProgress(Action<(string, long, long)> report) : IProgress<(string, long, long)>
    {
        public void Report((string, long, long) value) => report(value);
    }
}

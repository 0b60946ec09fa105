using AgriLink.Storage.Changes;
using AgriLink.Storage.Hosting;
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
/// Running totals move by each write's difference, in the write's transaction: a replayed or stale write moves nothing,
/// a change moves exactly its difference, many grains committed together add up, and a rebuild finds the same rows.
/// Subclassed once per engine.
/// </summary>
public abstract class RunningTotalsContract : StorageTestBase
{
    private const string StateName = "listing";
    private const string County = "520281";

    /// <summary>Per county: active listings and the sum of their prices.</summary>
    private static readonly RunningTotals Prices = new("listing", "l.id", ["test_listings", "test_price_fen"],
        "SELECT l.county_code, COUNT(*), CAST(SUM(l.price_fen) AS BIGINT) FROM listings l WHERE l.status = 'Active' " +
        $"{RunningTotals.KeyFilter} GROUP BY l.county_code",
        [new("listings", "id")]);

    private ServiceProvider? _services;

    private ServiceProvider Services => _services ??= NewServices();

    /// <summary>A storage of its own over the same database: what a second silo has.</summary>
    private ServiceProvider NewServices() => new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(TestListingState).Assembly))
        .AddAgriLinkDatabase(Database)
        .AddSingleton<IStateProjector, TestListingProjector>()
        .AddSingleton(Prices)
        .AddAgriLinkGrainStorage()
        .BuildServiceProvider();

    private IGrainStorage Storage => Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);

    [Fact]
    public async Task WritingTheSameStateAgainMovesNothing()
    {
        var grain = NewGrain();
        var state = NewState(1_280);
        await WriteAsync(grain, state);

        await WriteAsync(grain, state);
        await WriteAsync(grain, state);

        Assert.Equal((1L, 1_280L), await TotalsAsync());
    }

    [Fact]
    public async Task AChangeMovesTheTotalsByItsDifferenceAndAClearTakesItsPartAway()
    {
        var (a, b) = (NewGrain(), NewGrain());
        var stateA = NewState(100);
        await WriteAsync(a, stateA);
        await WriteAsync(b, NewState(40));

        stateA.State.PriceFen = 150;
        await WriteAsync(a, stateA);
        Assert.Equal((2L, 190L), await TotalsAsync());

        await Storage.ClearStateAsync(StateName, a, stateA, Ct);
        Assert.Equal((1L, 40L), await TotalsAsync());
    }

    [Fact]
    public async Task AStaleWriteMovesNothing()
    {
        var grain = NewGrain();
        var current = NewState(100);
        await WriteAsync(grain, current);
        var stale = new TestGrainState(new TestListingState { Title = "stale", PriceFen = 999 }, current.ETag);
        current.State.PriceFen = 150;
        await WriteAsync(grain, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(grain, stale));

        Assert.Equal((1L, 150L), await TotalsAsync());
    }

    [Fact]
    public async Task AFailedTransactionMovesNothing()
    {
        await WriteAsync(NewGrain(), NewState(70));
        // A read row the database refuses (NOT NULL), after the state's own rows in the same transaction.
        var broken = new StateChanges().Add(ProjectionTables.Cooperatives.Upsert("coop-broken", null, County, "村", TestListingProjector.At));

        await Assert.ThrowsAnyAsync<Exception>(() => StagedChanges.WithAsync(broken, () => Storage.WriteStateAsync(StateName, NewGrain(), NewState(500), Ct)));

        Assert.Equal((1L, 70L), await TotalsAsync());
    }

    [Fact]
    public async Task ManyGrainsCommittedTogetherAddUpAndARebuildFindsTheSameTotals()
    {
        var grains = Enumerable.Range(1, 60).Select(_ => NewGrain()).ToList();
        var states = grains.Select((_, i) => NewState(i + 1)).ToList();
        await Task.WhenAll(grains.Select((g, i) => WriteAsync(g, states[i])));
        // Then each one changed once more, all at once again: every change on top of the one before.
        await Task.WhenAll(grains.Select((g, i) =>
        {
            states[i].State.PriceFen *= 10;
            return WriteAsync(g, states[i]);
        }));
        var expected = (60L, 10L * 60 * 61 / 2);
        Assert.Equal(expected, await TotalsAsync());

        await ExecuteAsync("UPDATE county_totals SET value = value + 1");
        var report = await Services.GetRequiredService<ProjectionRebuilder>().RebuildAsync(null, Ct);

        Assert.True(report.Consistent);
        Assert.Equal(expected, await TotalsAsync());
    }

    [Fact]
    public async Task TwoWritersMovingTheSameCountyAtOnceAddUp()
    {
        // Two storages, each with its own group-commit transactions (on PostgreSQL they run at the same time).
        await using var second = NewServices();
        var storages = new[] { Storage, second.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main) };
        var grains = Enumerable.Range(1, 80).Select(_ => NewGrain()).ToList();
        var states = grains.Select((_, i) => NewState(i + 1)).ToList();

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(grains.Select((g, i) =>
            {
                states[i].State.PriceFen += 1;
                return storages[i % 2].WriteStateAsync(StateName, g, states[i], Ct);
            }));
        }

        Assert.Equal((80L, 80L * 81 / 2 + 3 * 80), await TotalsAsync());
    }

    protected override async ValueTask ReleaseAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
    }

    private static GrainId NewGrain() => GrainId.Create("listing", $"lst-{Guid.NewGuid():N}");

    private static TestGrainState NewState(long priceFen) =>
        new(new TestListingState { Title = "刺梨", PriceFen = priceFen, Supplier = new TestSupplier("coop-1", 86) });

    private Task WriteAsync(GrainId grain, TestGrainState state) => Storage.WriteStateAsync(StateName, grain, state, Ct);

    private async Task<(long Listings, long PriceFen)> TotalsAsync()
    {
        await using var connection = await Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT figure, value FROM county_totals WHERE county_code = '" + County + "'";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var figures = new Dictionary<string, long>();
        while (await reader.ReadAsync(Ct)) figures[reader.GetString(0)] = reader.GetInt64(1);
        return (figures.GetValueOrDefault("test_listings"), figures.GetValueOrDefault("test_price_fen"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}

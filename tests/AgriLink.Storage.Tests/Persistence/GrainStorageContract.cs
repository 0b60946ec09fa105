using AgriLink.Storage.Hosting;
using AgriLink.Storage.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Xunit;

namespace AgriLink.Storage.Tests.Persistence;

/// <summary>What any engine behind <see cref="RelationalGrainStorage"/> must do; subclass once per engine.</summary>
public abstract class GrainStorageContract : StorageTestBase
{
    private const string StateName = "listing";
    private static readonly GrainId Grain = GrainId.Create("listing", "coop-1/kiwi");

    private ServiceProvider? _services;

    /// <summary>The storage exactly as the silo gets it: keyed by <see cref="StorageNames.Main"/>.</summary>
    private IGrainStorage Storage => Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);

    private ServiceProvider Services => _services ??= new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(TestListingState).Assembly))
        .AddAgriLinkDatabase(Database)
        .AddAgriLinkGrainStorage()
        .BuildServiceProvider();

    [Fact]
    public async Task ReadingAMissingRecordGivesFreshStateAndNoETag()
    {
        var state = new TestGrainState(new TestListingState { Title = "left over in memory" });

        await Storage.ReadStateAsync(StateName, Grain, state, Ct);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal("", state.State.Title);
    }

    [Fact]
    public async Task WrittenStateRoundTripsThroughTheDatabase()
    {
        var written = NewState("Xiuwen kiwi", 1280);
        await Storage.WriteStateAsync(StateName, Grain, written, Ct);

        var read = await ReadAsync(Storage);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        AssertSameListing(written.State, read.State);
    }

    [Fact]
    public async Task EveryWriteGetsANewETag()
    {
        var state = NewState("v1", 100);
        await Storage.WriteStateAsync(StateName, Grain, state, Ct);
        var first = state.ETag;

        state.State.PriceFen = 200;
        await Storage.WriteStateAsync(StateName, Grain, state, Ct);

        Assert.NotEqual(first, state.ETag);
        Assert.Equal(200, (await ReadAsync(Storage)).State.PriceFen);
    }

    [Fact]
    public async Task StaleWriteIsRejectedAndChangesNothing()
    {
        await Storage.WriteStateAsync(StateName, Grain, NewState("original", 100), Ct);
        var current = await ReadAsync(Storage);
        var stale = await ReadAsync(Storage);
        current.State.PriceFen = 150;
        await Storage.WriteStateAsync(StateName, Grain, current, Ct);

        stale.State.PriceFen = 999;
        var staleETag = stale.ETag;
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, Grain, stale, Ct));

        Assert.Equal(current.ETag, error.StoredEtag);
        Assert.Equal(staleETag, error.CurrentEtag);
        Assert.Equal(staleETag, stale.ETag);
        var stored = await ReadAsync(Storage);
        Assert.Equal(current.ETag, stored.ETag);
        Assert.Equal(150, stored.State.PriceFen);
    }

    [Fact]
    public async Task SecondInsertOfTheSameGrainIsRejected()
    {
        var first = NewState("first", 100);
        var second = NewState("second", 200);

        await Storage.WriteStateAsync(StateName, Grain, first, Ct);
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, Grain, second, Ct));

        Assert.Equal(first.ETag, error.StoredEtag);
        Assert.Null(second.ETag);
        Assert.Equal("first", (await ReadAsync(Storage)).State.Title);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConcurrentWritersFromTheSameVersionHaveExactlyOneWinner(bool recordExists)
    {
        string? startETag = null;
        if (recordExists)
        {
            var seed = NewState("seed", 1);
            await Storage.WriteStateAsync(StateName, Grain, seed, Ct);
            startETag = seed.ETag;
        }

        var writers = Enumerable.Range(0, 8)
            .Select(i => new TestGrainState(new TestListingState { Title = $"writer {i}", PriceFen = i }, startETag))
            .ToList();
        var results = await Task.WhenAll(writers.Select(writer => Task.Run(() => TryWriteAsync(writer), Ct)));

        Assert.Equal(1, results.Count(r => r is null));
        Assert.All(results.Where(r => r is not null), r => Assert.IsType<InconsistentStateException>(r));
        var winner = writers[Array.IndexOf(results, null)];
        var stored = await ReadAsync(Storage);
        Assert.Equal(winner.ETag, stored.ETag);
        Assert.Equal(winner.State.Title, stored.State.Title);
    }

    [Fact]
    public async Task ManyGrainsWritingAtOnceAreAllStoredWithTheirOwnVersions()
    {
        // Concurrent writes share transactions (group commit); each must still land exactly as written.
        var grains = Enumerable.Range(0, 300).Select(i => GrainId.Create("listing", $"coop-1/burst-{i}")).ToList();
        var states = grains.Select((_, i) => NewState($"burst {i}", i)).ToList();

        await Task.WhenAll(grains.Select((grain, i) => Task.Run(() => Storage.WriteStateAsync(StateName, grain, states[i], Ct), Ct)));
        for (var i = 0; i < grains.Count; i++) states[i].State.PriceFen += 1000;
        await Task.WhenAll(grains.Select((grain, i) => Task.Run(() => Storage.WriteStateAsync(StateName, grain, states[i], Ct), Ct)));

        for (var i = 0; i < grains.Count; i++)
        {
            var read = await ReadAsync(Storage, grain: grains[i]);
            Assert.Equal(states[i].ETag, read.ETag);
            Assert.Equal($"burst {i}", read.State.Title);
            Assert.Equal(i + 1000, read.State.PriceFen);
        }
    }

    [Fact]
    public async Task AStaleWriteAmongConcurrentWritesFailsAloneAndTheOthersCommit()
    {
        await Storage.WriteStateAsync(StateName, Grain, NewState("original", 100), Ct);
        var stale = await ReadAsync(Storage);
        var current = await ReadAsync(Storage);
        current.State.PriceFen = 150;
        await Storage.WriteStateAsync(StateName, Grain, current, Ct);

        stale.State.PriceFen = 999;
        var others = Enumerable.Range(0, 50).Select(i => (Grain: GrainId.Create("listing", $"coop-1/other-{i}"), State: NewState($"other {i}", i))).ToList();
        var staleWrite = Task.Run(() => TryWriteAsync(stale), Ct);
        await Task.WhenAll(others.Select(o => Task.Run(() => Storage.WriteStateAsync(StateName, o.Grain, o.State, Ct), Ct)));

        Assert.IsType<InconsistentStateException>(await staleWrite);
        Assert.Equal(150, (await ReadAsync(Storage)).State.PriceFen);
        foreach (var (grain, state) in others) Assert.Equal(state.ETag, (await ReadAsync(Storage, grain: grain)).ETag);
    }

    [Fact]
    public async Task ClearedRecordReadsAsMissingButKeepsItsVersion()
    {
        var state = NewState("to clear", 100);
        await Storage.WriteStateAsync(StateName, Grain, state, Ct);
        var writtenETag = state.ETag;

        await Storage.ClearStateAsync(StateName, Grain, state, Ct);
        var read = await ReadAsync(Storage);

        Assert.False(state.RecordExists);
        Assert.Equal("", state.State.Title);
        Assert.NotNull(state.ETag);
        Assert.NotEqual(writtenETag, state.ETag);
        Assert.False(read.RecordExists);
        Assert.Equal("", read.State.Title);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task WritesAfterAClearMustHoldTheClearedVersion()
    {
        var clearer = NewState("v1", 100);
        await Storage.WriteStateAsync(StateName, Grain, clearer, Ct);
        var stale = await ReadAsync(Storage);
        await Storage.ClearStateAsync(StateName, Grain, clearer, Ct);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, Grain, stale, Ct));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, Grain, NewState("fresh insert", 1), Ct));
        Assert.False((await ReadAsync(Storage)).RecordExists);

        clearer.State = new TestListingState { Title = "v2" };
        await Storage.WriteStateAsync(StateName, Grain, clearer, Ct);
        var read = await ReadAsync(Storage);
        Assert.True(read.RecordExists);
        Assert.Equal("v2", read.State.Title);
    }

    [Fact]
    public async Task StaleClearIsRejectedAndKeepsTheRecord()
    {
        var stale = NewState("v1", 100);
        await Storage.WriteStateAsync(StateName, Grain, stale, Ct);
        var current = await ReadAsync(Storage);
        current.State.Title = "v2";
        await Storage.WriteStateAsync(StateName, Grain, current, Ct);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, Grain, stale, Ct));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, Grain, NewState("never read", 0), Ct));

        var read = await ReadAsync(Storage);
        Assert.True(read.RecordExists);
        Assert.Equal("v2", read.State.Title);
    }

    [Fact]
    public async Task ClearingARecordThatWasNeverWrittenLeavesNothingBehind()
    {
        var state = NewState("only in memory", 5);

        await Storage.ClearStateAsync(StateName, Grain, state, Ct);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Null((await ReadAsync(Storage)).ETag);
    }

    [Fact]
    public async Task AnETagThisStorageNeverIssuedIsRejected()
    {
        await Storage.WriteStateAsync(StateName, Grain, NewState("real", 1), Ct);
        var forged = new TestGrainState(new TestListingState { Title = "forged" }, "not-a-version");

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, Grain, forged, Ct));

        Assert.Equal("real", (await ReadAsync(Storage)).State.Title);
    }

    [Fact]
    public async Task RecordsAreKeyedByStateNameAndGrain()
    {
        var otherGrain = GrainId.Create("listing", "coop-2/kiwi");
        await Storage.WriteStateAsync(StateName, Grain, NewState("listing of coop 1", 1), Ct);
        await Storage.WriteStateAsync("draft", Grain, NewState("draft of coop 1", 2), Ct);
        await Storage.WriteStateAsync(StateName, otherGrain, NewState("listing of coop 2", 3), Ct);

        Assert.Equal("listing of coop 1", (await ReadAsync(Storage)).State.Title);
        Assert.Equal("draft of coop 1", (await ReadAsync(Storage, "draft")).State.Title);
        Assert.Equal("listing of coop 2", (await ReadAsync(Storage, StateName, otherGrain)).State.Title);
    }

    [Fact]
    public async Task StateSurvivesReopeningTheDatabase()
    {
        var written = NewState("durable", 4200);
        await Storage.WriteStateAsync(StateName, Grain, written, Ct);

        var reopened = new RelationalGrainStorage(
            Reopen(),
            Services.GetRequiredKeyedService<IGrainStorageSerializer>(StorageNames.Main),
            Services.GetRequiredService<IActivatorProvider>());
        var read = await ReadAsync(reopened);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        AssertSameListing(written.State, read.State);
    }

    protected override async ValueTask ReleaseAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    private static TestGrainState NewState(string title, long priceFen) => new(new TestListingState
    {
        Title = title,
        PriceFen = priceFen,
        Tags = ["organic", "贵州"],
        Supplier = new TestSupplier("coop-1", 86),
    });

    private static async Task<TestGrainState> ReadAsync(IGrainStorage storage, string stateName = StateName, GrainId? grain = null)
    {
        var state = new TestGrainState(new TestListingState());
        await storage.ReadStateAsync(stateName, grain ?? Grain, state, Ct);
        return state;
    }

    private async Task<Exception?> TryWriteAsync(TestGrainState state)
    {
        try
        {
            await Storage.WriteStateAsync(StateName, Grain, state, Ct);
            return null;
        }
        catch (Exception error)
        {
            // Returned, not swallowed: the test asserts on every failure's type.
            return error;
        }
    }

    private static void AssertSameListing(TestListingState expected, TestListingState actual)
    {
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.PriceFen, actual.PriceFen);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Supplier, actual.Supplier);
    }
}

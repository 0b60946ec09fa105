using AgriLink.Storage.Reminders;
using CsCheck;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Xunit;

namespace AgriLink.Storage.Tests.Reminders;

/// <summary>What any engine behind <see cref="RelationalReminderTable"/> must do; subclass once per engine.</summary>
public abstract class ReminderTableContract : StorageTestBase
{
    private static readonly GrainId Order = GrainId.Create("order", "0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly DateTime Start = new(2026, 11, 3, 1, 15, 30, 123, DateTimeKind.Utc);

    protected RelationalReminderTable Table => TableFor("agrilink");

    protected RelationalReminderTable TableFor(string serviceId) =>
        new(Database, Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = "test" }));

    [Fact]
    public async Task AnUpsertedReminderReadsBackWithItsETag()
    {
        var etag = await Table.UpsertRow(Entry(Order, "hold-expiry", Start, TimeSpan.FromMinutes(15)), Ct);

        var read = await Table.ReadRow(Order, "hold-expiry", Ct);

        Assert.NotNull(etag);
        Assert.NotNull(read);
        Assert.Equal(Order, read.GrainId);
        Assert.Equal("hold-expiry", read.ReminderName);
        Assert.Equal(Start, read.StartAt);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal(TimeSpan.FromMinutes(15), read.Period);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task AMissingReminderReadsAsNullAndAnEmptyList()
    {
        Assert.Null(await Table.ReadRow(Order, "nothing", Ct));
        Assert.Empty((await Table.ReadRows(Order, Ct)).Reminders);
    }

    [Fact]
    public async Task UpsertingAgainReplacesTheScheduleAndIssuesANewETag()
    {
        var first = await Table.UpsertRow(Entry(Order, "hold-expiry", Start, TimeSpan.FromMinutes(15)), Ct);
        var second = await Table.UpsertRow(Entry(Order, "hold-expiry", Start.AddHours(1), TimeSpan.FromMinutes(5)), Ct);

        var read = await Table.ReadRow(Order, "hold-expiry", Ct);

        Assert.NotEqual(first, second);
        Assert.Equal(second, read!.ETag);
        Assert.Equal(Start.AddHours(1), read.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), read.Period);
        Assert.Single((await Table.ReadRows(Order, Ct)).Reminders);
    }

    [Fact]
    public async Task AGrainsRemindersAreReadTogetherAndApartFromOtherGrains()
    {
        var other = GrainId.Create("order", "7c9e6679-7425-40de-944b-e07fc1f90ae7");
        await Table.UpsertRow(Entry(Order, "hold-expiry", Start, TimeSpan.FromMinutes(15)), Ct);
        await Table.UpsertRow(Entry(Order, "payment-chase", Start, TimeSpan.FromHours(1)), Ct);
        await Table.UpsertRow(Entry(other, "hold-expiry", Start, TimeSpan.FromMinutes(15)), Ct);

        var rows = (await Table.ReadRows(Order, Ct)).Reminders;

        Assert.Equal(["hold-expiry", "payment-chase"], rows.Select(r => r.ReminderName).Order());
        Assert.All(rows, r => Assert.Equal(Order, r.GrainId));
    }

    [Fact]
    public async Task RemovingWithTheCurrentETagDeletesTheReminder()
    {
        var etag = await Table.UpsertRow(Entry(Order, "hold-expiry", Start, TimeSpan.FromMinutes(15)), Ct);

        Assert.True(await Table.RemoveRow(Order, "hold-expiry", etag!, Ct));
        Assert.Null(await Table.ReadRow(Order, "hold-expiry", Ct));
        Assert.False(await Table.RemoveRow(Order, "hold-expiry", etag!, Ct));
    }

    [Fact]
    public async Task RemovingWithAStaleETagChangesNothing()
    {
        var stale = await Table.UpsertRow(Entry(Order, "hold-expiry", Start, TimeSpan.FromMinutes(15)), Ct);
        var current = await Table.UpsertRow(Entry(Order, "hold-expiry", Start.AddMinutes(1), TimeSpan.FromMinutes(15)), Ct);

        Assert.False(await Table.RemoveRow(Order, "hold-expiry", stale!, Ct));
        Assert.False(await Table.RemoveRow(Order, "hold-expiry", "not-a-version", Ct));
        Assert.Equal(current, (await Table.ReadRow(Order, "hold-expiry", Ct))!.ETag);
        Assert.True(await Table.RemoveRow(Order, "hold-expiry", current!, Ct));
    }

    [Fact]
    public async Task ARangeReadReturnsHashesAfterBeginUpToAndIncludingEnd()
    {
        var byHash = await SeedAsync(20);

        var rows = await Table.ReadRows(byHash[5].Hash, byHash[12].Hash, Ct);

        Assert.Equal(byHash[6..13].Select(g => g.Id).Order(), rows.Reminders.Select(r => r.GrainId).Order());
    }

    [Fact]
    public async Task ARangeWhoseBeginIsAfterItsEndWrapsAroundTheRing()
    {
        var byHash = await SeedAsync(20);

        var rows = await Table.ReadRows(byHash[15].Hash, byHash[3].Hash, Ct);

        var expected = byHash[16..].Concat(byHash[..4]).Select(g => g.Id).Order();
        Assert.Equal(expected, rows.Reminders.Select(r => r.GrainId).Order());
    }

    [Fact]
    public async Task ARangeThatBeginsWhereItEndsIsTheWholeRing()
    {
        var byHash = await SeedAsync(12);

        Assert.Equal(12, (await Table.ReadRows(byHash[4].Hash, byHash[4].Hash, Ct)).Reminders.Count);
        Assert.Equal(12, (await Table.ReadRows(0u, 0u, Ct)).Reminders.Count);
        Assert.Equal(byHash.Count(g => g.Hash != 0), (await Table.ReadRows(0u, uint.MaxValue, Ct)).Reminders.Count);
    }

    [Fact]
    public async Task RangeReadsAgreeWithTheRingDefinitionForAnyBounds()
    {
        var byHash = await SeedAsync(30);
        var hashes = byHash.Select(g => g.Hash).ToArray();
        var bound = Gen.OneOf(Gen.UInt, Gen.Int[0, hashes.Length - 1].Select(i => hashes[i]), Gen.Const(0u), Gen.Const(uint.MaxValue));

        await Gen.Select(bound, bound).SampleAsync(async bounds =>
        {
            var (begin, end) = bounds;
            var expected = byHash.Where(g => InRing(g.Hash, begin, end)).Select(g => g.Id).Order();
            var rows = await Table.ReadRows(begin, end, Ct);
            Assert.Equal(expected, rows.Reminders.Select(r => r.GrainId).Order());
        }, iter: 200);
    }

    [Fact]
    public async Task ServicesSharingTheDatabaseSeeOnlyTheirOwnReminders()
    {
        var other = TableFor("another-deployment");
        await Table.UpsertRow(Entry(Order, "hold-expiry", Start, TimeSpan.FromMinutes(15)), Ct);
        var otherEtag = await other.UpsertRow(Entry(Order, "hold-expiry", Start.AddDays(1), TimeSpan.FromMinutes(30)), Ct);

        await Table.TestOnlyClearTable(Ct);

        Assert.Null(await Table.ReadRow(Order, "hold-expiry", Ct));
        Assert.Empty((await Table.ReadRows(0u, 0u, Ct)).Reminders);
        var kept = await other.ReadRow(Order, "hold-expiry", Ct);
        Assert.Equal(otherEtag, kept!.ETag);
        Assert.Equal(Start.AddDays(1), kept.StartAt);
    }

    [Fact]
    public async Task RemindersOutliveTheProcessThatWroteThem()
    {
        var etag = await Table.UpsertRow(Entry(Order, "hold-expiry", Start, TimeSpan.FromMinutes(15)), Ct);

        var reopened = new RelationalReminderTable(Reopen(), Options.Create(new ClusterOptions { ServiceId = "agrilink" }));
        var read = await reopened.ReadRow(Order, "hold-expiry", Ct);

        Assert.Equal(etag, read!.ETag);
        Assert.Equal(Start, read.StartAt);
    }

    /// <summary>Orleans' ring range (begin, end], wrapping when begin ≥ end.</summary>
    private static bool InRing(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    /// <summary>One reminder each on <paramref name="count"/> grains, returned in ring (hash) order.</summary>
    private async Task<(GrainId Id, uint Hash)[]> SeedAsync(int count)
    {
        var grains = Enumerable.Range(0, count)
            .Select(i => GrainId.Create("listing", $"coop-{i % 3}/item-{i}"))
            .Select(id => (Id: id, Hash: id.GetUniformHashCode()))
            .OrderBy(g => g.Hash)
            .ToArray();
        Assert.Equal(count, grains.Select(g => g.Hash).Distinct().Count()); // distinct hashes keep the bounds unambiguous
        foreach (var (id, _) in grains)
        {
            await Table.UpsertRow(Entry(id, "stock-hold", Start, TimeSpan.FromMinutes(1)), Ct);
        }

        return grains;
    }

    private static ReminderEntry Entry(GrainId grain, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = period };
}

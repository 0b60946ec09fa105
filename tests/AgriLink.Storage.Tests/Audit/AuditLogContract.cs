using System.Data.Common;
using AgriLink.Storage.Audit;
using Xunit;

namespace AgriLink.Storage.Tests.Audit;

/// <summary>What any engine behind <see cref="SqlAuditLog"/> must do; subclass once per engine.</summary>
public abstract class AuditLogContract : StorageTestBase
{
    private SqlAuditLog Log => new(Database);

    [Fact]
    public async Task AppendedEntriesReadBackNewestFirstWithEveryField()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await Log.AppendAsync("operator:li", "listing.created", "listing", "L-1", null, """{"price":1280}""", Ct);
        await Log.AppendAsync("coop:c-1", "listing.repriced", "listing", "L-1", """{"price":1280}""", """{"price":1180}""", Ct);

        var entries = await Log.ReadAsync(new AuditQuery(), Ct);

        Assert.Equal(2, entries.Count);
        var (newest, oldest) = (entries[0], entries[1]);
        Assert.True(newest.Id > oldest.Id);
        Assert.Equal("coop:c-1", newest.Actor);
        Assert.Equal("listing.repriced", newest.Action);
        Assert.Equal("listing", newest.ResourceType);
        Assert.Equal("L-1", newest.ResourceId);
        Assert.Equal("""{"price":1280}""", newest.Before);
        Assert.Equal("""{"price":1180}""", newest.After);
        Assert.Null(oldest.Before);
        Assert.InRange(oldest.At, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task QueriesFilterByResourceAndActor()
    {
        await Log.AppendAsync("alice", "order.placed", "order", "O-1", null, "{}", Ct);
        await Log.AppendAsync("bob", "order.placed", "order", "O-2", null, "{}", Ct);
        await Log.AppendAsync("alice", "listing.created", "listing", "O-1", null, "{}", Ct);

        var orderO1 = await Log.ReadAsync(new AuditQuery(ResourceType: "order", ResourceId: "O-1"), Ct);
        var byAlice = await Log.ReadAsync(new AuditQuery(Actor: "alice"), Ct);
        var listings = await Log.ReadAsync(new AuditQuery(ResourceType: "listing"), Ct);

        Assert.Equal("alice", Assert.Single(orderO1).Actor);
        Assert.Equal(["listing.created", "order.placed"], byAlice.Select(e => e.Action));
        Assert.Equal("listing.created", Assert.Single(listings).Action);
    }

    [Fact]
    public async Task APersonIsFoundByUserNameAndEntriesByTheDaysWritten()
    {
        await Log.AppendAsync("coop.panzhou (3f2a)", "listing.set-stock", "listing", "L-1", null, "{}", Ct);
        await Log.AppendAsync("coop.panzhou.finance (77b1)", "declaration.approved", "declaration", "D-1", null, "{}", Ct);
        await Log.AppendAsync("coop.panzhou", "listing.created", "listing", "L-2", null, "{}", Ct);

        var byName = await Log.ReadAsync(new AuditQuery(Actor: "coop.panzhou"), Ct);
        Assert.Equal(["L-2", "L-1"], byName.Select(e => e.ResourceId));
        Assert.Equal(["D-1"], (await Log.ReadAsync(new AuditQuery(Actor: "coop.panzhou.finance (77b1)"), Ct)).Select(e => e.ResourceId));

        var now = DateTimeOffset.UtcNow;
        Assert.Equal(3, (await Log.ReadAsync(new AuditQuery(From: now.AddHours(-1), To: now.AddHours(1)), Ct)).Count);
        Assert.Empty(await Log.ReadAsync(new AuditQuery(To: now.AddHours(-1)), Ct));
        Assert.Empty(await Log.ReadAsync(new AuditQuery(From: now.AddHours(1)), Ct));
    }

    [Fact]
    public async Task PagingByIdWalksTheWholeLogWithoutGapsOrRepeats()
    {
        for (var i = 0; i < 25; i++)
        {
            await Log.AppendAsync("seed", "tick", "counter", "C-1", null, $$"""{"n":{{i}}}""", Ct);
        }

        var seen = new List<AuditEntry>();
        var pageSizes = new List<int>();
        long? beforeId = null;
        while (true)
        {
            var page = await Log.ReadAsync(new AuditQuery(BeforeId: beforeId, Limit: 10), Ct);
            if (page.Count == 0)
            {
                break;
            }

            pageSizes.Add(page.Count);
            seen.AddRange(page);
            beforeId = page[^1].Id;
        }

        Assert.Equal([10, 10, 5], pageSizes);
        Assert.Equal(seen.Select(e => e.Id).OrderDescending(), seen.Select(e => e.Id));
        Assert.Equal(25, seen.Select(e => e.Id).Distinct().Count());
        Assert.Equal("""{"n":24}""", seen[0].After);
        Assert.Equal("""{"n":0}""", seen[^1].After);
    }

    [Fact]
    public async Task UpdatingAnEntryIsRefusedByTheDatabase()
    {
        await Log.AppendAsync("alice", "payment.received", "order", "O-1", null, """{"fen":500}""", Ct);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteRawAsync("UPDATE audit_log SET after_json = '{\"fen\":1}'"));

        Assert.Contains("append-only", error.Message);
        Assert.Equal("""{"fen":500}""", Assert.Single(await Log.ReadAsync(new AuditQuery(), Ct)).After);
    }

    [Fact]
    public async Task DeletingAnEntryIsRefusedByTheDatabase()
    {
        await Log.AppendAsync("alice", "payment.received", "order", "O-1", null, "{}", Ct);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteRawAsync("DELETE FROM audit_log"));

        Assert.Contains("append-only", error.Message);
        Assert.Single(await Log.ReadAsync(new AuditQuery(), Ct));
    }

    [Fact]
    public async Task EntriesWithoutAnActorAreRejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync(" ", "order.placed", "order", "O-1", null, "{}", Ct));

        Assert.Empty(await Log.ReadAsync(new AuditQuery(), Ct));
    }

    private async Task ExecuteRawAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}

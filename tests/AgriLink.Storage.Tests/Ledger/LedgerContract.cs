using System.Data.Common;
using AgriLink.Storage.Ledger;
using CsCheck;
using Xunit;

namespace AgriLink.Storage.Tests.Ledger;

/// <summary>What any engine behind <see cref="SqlLedger"/> must do; subclass once per engine.</summary>
public abstract class LedgerContract : StorageTestBase
{
    private static readonly DateTimeOffset Declared = new(2025, 12, 20, 9, 30, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Now = new(2025, 12, 31, 16, 0, 0, TimeSpan.Zero);

    private static readonly string Payable = LedgerAccounts.CooperativeDividendsPayable("coop-1");
    private static readonly string Surplus = LedgerAccounts.CooperativeSurplus("coop-1");
    private static readonly string Wang = LedgerAccounts.ShareholderDividends("hh-wang");
    private static readonly string Li = LedgerAccounts.ShareholderDividends("hh-li");

    private SqlLedger Ledger => new(Database, new FixedTime(Now));

    [Fact]
    public async Task ABalancedTransferPostsAndBalancesDeriveFromItsPostings()
    {
        var result = await Ledger.PostAsync(Transfer("declare:2025", (Surplus, 300_000), (Payable, -300_000)), Ct);
        var paid = await Ledger.PostAsync(Transfer("pay:2025:hh-wang", (Payable, 240_000), (Wang, -240_000)), Ct);

        Assert.Equal(TransferOutcome.Posted, result.Outcome);
        Assert.True(paid.WasPosted);
        Assert.True(paid.TransferId > result.TransferId);
        Assert.Equal(300_000, await Ledger.BalanceAsync(Surplus, Ct));
        Assert.Equal(-60_000, await Ledger.BalanceAsync(Payable, Ct));
        Assert.Equal(-240_000, await Ledger.BalanceAsync(Wang, Ct));
        Assert.Equal(0, await Ledger.BalanceAsync(Li, Ct));
        Assert.True(await Ledger.IsPostedAsync("pay:2025:hh-wang", Ct));
        Assert.False(await Ledger.IsPostedAsync("pay:2025:hh-li", Ct));

        var coop = await Ledger.BalancesAsync(LedgerAccounts.CooperativePrefix("coop-1"), Ct);
        Assert.Equal(new Dictionary<string, long> { [Surplus] = 300_000, [Payable] = -60_000 }, coop);
        Assert.Equal(0, (await Ledger.BalancesAsync("", Ct)).Values.Sum());
    }

    [Fact]
    public async Task EntriesReadBackNewestFirstWithTheirTransfer()
    {
        await Ledger.PostAsync(Transfer("declare:2025", (Surplus, 300_000), (Payable, -300_000)), Ct);
        var paid = await Ledger.PostAsync(Transfer("pay:2025:hh-wang", (Payable, 240_000), (Wang, -240_000)), Ct);

        var entries = await Ledger.EntriesAsync(Payable, ct: Ct);

        Assert.Equal([240_000L, -300_000L], entries.Select(e => e.AmountFen));
        var newest = entries[0];
        Assert.True(newest.Id > entries[1].Id);
        Assert.Equal(paid.TransferId, newest.TransferId);
        Assert.Equal("pay:2025:hh-wang", newest.IdempotencyKey);
        Assert.Equal(Payable, newest.Account);
        Assert.Equal("memo pay:2025:hh-wang", newest.Memo);
        Assert.Equal(Declared, newest.OccurredAt);
        Assert.Equal(Now, newest.RecordedAt);
        Assert.Equal(TimeSpan.Zero, newest.OccurredAt.Offset);
    }

    [Fact]
    public async Task PagingEntriesByIdWalksTheAccountWithoutGapsOrRepeats()
    {
        await Ledger.PostBatchAsync([.. Enumerable.Range(1, 25).Select(n => Transfer($"pay:{n}", (Payable, n), (Wang, -n)))], Ct);

        var amounts = new List<long>();
        var pageSizes = new List<int>();
        long? beforeId = null;
        while (await Ledger.EntriesAsync(Wang, beforeId, 10, Ct) is { Count: > 0 } page)
        {
            pageSizes.Add(page.Count);
            amounts.AddRange(page.Select(e => e.AmountFen));
            beforeId = page[^1].Id;
        }

        Assert.Equal([10, 10, 5], pageSizes);
        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(n => -(long)n), amounts);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ledger.EntriesAsync(Wang, null, 0, Ct));
    }

    [Fact]
    public async Task PrefixBalancesMatchExactlyAndCaseSensitively()
    {
        string[] accounts = ["coop:a:x", "coop:A:x", "coop:ab:x", "coop:a%:x", "coop:a_:x", "coop:a*:x", "coop:a?:x", "coop:a[:x", "coop:a]:x"];
        await Ledger.PostBatchAsync([.. accounts.Select((a, n) => Transfer($"k{n}", (a, n + 1), ("other", -(n + 1))))], Ct);

        foreach (var (account, n) in accounts.Select((a, n) => (a, n)))
        {
            var prefix = account[..^1];
            Assert.Equal(new Dictionary<string, long> { [account] = n + 1 }, await Ledger.BalancesAsync(prefix, Ct));
        }

        Assert.Equal(accounts.Length, (await Ledger.BalancesAsync("coop:", Ct)).Count);
        Assert.Empty(await Ledger.BalancesAsync("COOP:", Ct));
        Assert.Equal(accounts.Length + 1, (await Ledger.BalancesAsync("", Ct)).Count);
    }

    [Fact]
    public async Task PostingTheSameKeyAgainChangesNothingAndReturnsTheOriginalId()
    {
        var first = await Ledger.PostAsync(Transfer("pay:2025:hh-wang", (Payable, 240_000), (Wang, -240_000)), Ct);

        // A retry after a crash: same postings, possibly listed in another order, with a fresher memo and time.
        var retry = new LedgerTransfer("pay:2025:hh-wang", [new(Wang, -240_000), new(Payable, 240_000)], "retry", Declared.AddHours(1));
        var again = await Ledger.PostAsync(retry, Ct);

        Assert.Equal(TransferResult.AlreadyPosted(first.TransferId), again);
        Assert.Equal(-240_000, await Ledger.BalanceAsync(Wang, Ct));
        Assert.Equal("memo pay:2025:hh-wang", Assert.Single(await Ledger.EntriesAsync(Wang, ct: Ct)).Memo);
        Assert.Equal(2L, await CountPostingsAsync());
    }

    [Fact]
    public async Task TheSameKeyWithDifferentPostingsIsAConflictAndChangesNothing()
    {
        var first = await Ledger.PostAsync(Transfer("pay:2025:hh-wang", (Payable, 240_000), (Wang, -240_000)), Ct);

        var conflict = await Assert.ThrowsAsync<IdempotencyConflictException>(
            () => Ledger.PostAsync(Transfer("pay:2025:hh-wang", (Payable, 250_000), (Wang, -250_000)), Ct));
        await Assert.ThrowsAsync<IdempotencyConflictException>(
            () => Ledger.PostAsync(Transfer("pay:2025:hh-wang", (Payable, 240_000), (Li, -240_000)), Ct));

        Assert.Equal("pay:2025:hh-wang", conflict.IdempotencyKey);
        Assert.Equal(first.TransferId, conflict.ExistingTransferId);
        Assert.Equal(-240_000, await Ledger.BalanceAsync(Wang, Ct));
        Assert.Equal(0, await Ledger.BalanceAsync(Li, Ct));
        Assert.Equal(2L, await CountPostingsAsync());
        Assert.Equal(1L, await CountTransfersAsync());
    }

    [Fact]
    public async Task OfEightConcurrentPostsOfOneKeyExactlyOneWrites()
    {
        var transfer = Transfer("pay:2025:hh-wang", (Payable, 240_000), (Wang, -240_000));

        // Separate ledgers and connections, started together on the thread pool, as eight silos' grains would.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new SqlLedger(Database).PostAsync(transfer, Ct), Ct)));

        Assert.Single(results, r => r.Outcome == TransferOutcome.Posted);
        Assert.Equal(7, results.Count(r => r.Outcome == TransferOutcome.AlreadyPosted));
        Assert.Single(results.Select(r => r.TransferId).Distinct());
        Assert.Equal(2L, await CountPostingsAsync());
        Assert.Equal(-240_000, await Ledger.BalanceAsync(Wang, Ct));
    }

    [Fact]
    public async Task ABatchSkipsAndCountsKeysAlreadyPostedAndWritesTheRest()
    {
        var earlier = await Ledger.PostAsync(Transfer("pay:hh-1", (Payable, 100), (Holder(1), -100)), Ct);

        var batch = await Ledger.PostBatchAsync(
        [
            Transfer("pay:hh-0", (Payable, 50), (Holder(0), -50)),
            Transfer("pay:hh-1", (Payable, 100), (Holder(1), -100)),
            Transfer("pay:hh-2", (Payable, 200), (Holder(2), -200)),
            Transfer("pay:hh-2", (Holder(2), -200), (Payable, 200)),
        ], Ct);

        Assert.Equal(2, batch.Posted);
        Assert.Equal(2, batch.AlreadyPosted);
        Assert.Equal(
            [TransferOutcome.Posted, TransferOutcome.AlreadyPosted, TransferOutcome.Posted, TransferOutcome.AlreadyPosted],
            batch.Results.Select(r => r.Outcome));
        Assert.Equal(earlier.TransferId, batch.Results[1].TransferId);
        Assert.Equal(batch.Results[2].TransferId, batch.Results[3].TransferId);
        Assert.Equal(350, await Ledger.BalanceAsync(Payable, Ct));
        Assert.Equal(-200, await Ledger.BalanceAsync(Holder(2), Ct));
        Assert.Equal(6L, await CountPostingsAsync());

        var replay = await Ledger.PostBatchAsync([Transfer("pay:hh-0", (Payable, 50), (Holder(0), -50)), Transfer("pay:hh-2", (Payable, 200), (Holder(2), -200))], Ct);
        Assert.Equal((0, 2), (replay.Posted, replay.AlreadyPosted));
        Assert.Equal(6L, await CountPostingsAsync());
    }

    [Fact]
    public async Task ABatchWithOneConflictingTransferWritesNothing()
    {
        await Ledger.PostAsync(Transfer("pay:hh-1", (Payable, 100), (Holder(1), -100)), Ct);

        var conflict = await Assert.ThrowsAsync<IdempotencyConflictException>(() => Ledger.PostBatchAsync(
        [
            Transfer("pay:hh-0", (Payable, 50), (Holder(0), -50)),
            Transfer("pay:hh-1", (Payable, 999), (Holder(1), -999)),
            Transfer("pay:hh-2", (Payable, 200), (Holder(2), -200)),
        ], Ct));

        Assert.Equal("pay:hh-1", conflict.IdempotencyKey);
        Assert.False(await Ledger.IsPostedAsync("pay:hh-0", Ct));
        Assert.False(await Ledger.IsPostedAsync("pay:hh-2", Ct));
        Assert.Equal(100, await Ledger.BalanceAsync(Payable, Ct));
        Assert.Equal(2L, await CountPostingsAsync());

        // Resuming with the corrected batch pays the rest exactly once.
        var resumed = await Ledger.PostBatchAsync(
        [
            Transfer("pay:hh-0", (Payable, 50), (Holder(0), -50)),
            Transfer("pay:hh-1", (Payable, 100), (Holder(1), -100)),
            Transfer("pay:hh-2", (Payable, 200), (Holder(2), -200)),
        ], Ct);
        Assert.Equal((2, 1), (resumed.Posted, resumed.AlreadyPosted));
        Assert.Equal(350, await Ledger.BalanceAsync(Payable, Ct));
    }

    [Fact]
    public async Task ABatchThatCannotBeWrittenWholeIsRefusedBeforeTouchingTheDatabase()
    {
        var good = Transfer("pay:hh-0", (Payable, 50), (Holder(0), -50));

        await Assert.ThrowsAsync<ArgumentException>(() => Ledger.PostBatchAsync([good, null!], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Ledger.PostBatchAsync([good, Transfer("pay:hh-0", (Payable, 51), (Holder(0), -51))], Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Ledger.PostBatchAsync(null!, Ct));

        Assert.Equal(0L, await CountTransfersAsync());
        var empty = await Ledger.PostBatchAsync([], Ct);
        Assert.Equal((0, 0), (empty.Posted, empty.AlreadyPosted));
    }

    [Fact]
    public async Task ACancelledBatchWritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Ledger.PostBatchAsync([Transfer("pay:hh-0", (Payable, 50), (Holder(0), -50))], cancelled.Token));

        Assert.Equal(0L, await CountTransfersAsync());
    }

    [Theory]
    [InlineData("UPDATE ledger_transfer SET memo = 'rewritten'")]
    [InlineData("DELETE FROM ledger_transfer")]
    [InlineData("UPDATE ledger_posting SET amount_fen = 1")]
    [InlineData("DELETE FROM ledger_posting")]
    public async Task RewritingTheLedgerIsRefusedByTheDatabase(string sql)
    {
        await Ledger.PostAsync(Transfer("pay:2025:hh-wang", (Payable, 240_000), (Wang, -240_000)), Ct);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteRawAsync(sql));

        Assert.Contains("append-only", error.Message);
        Assert.Equal(-240_000, await Ledger.BalanceAsync(Wang, Ct));
        Assert.Equal("memo pay:2025:hh-wang", Assert.Single(await Ledger.EntriesAsync(Wang, ct: Ct)).Memo);
    }

    [Fact]
    public async Task TheDatabaseRefusesAZeroPosting()
    {
        await ExecuteRawAsync(
            "INSERT INTO ledger_transfer (idempotency_key, memo, occurred_at, recorded_at) VALUES ('raw', '', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')");

        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteRawAsync(
            "INSERT INTO ledger_posting (transfer_id, account, amount_fen) SELECT id, 'x', 0 FROM ledger_transfer WHERE idempotency_key = 'raw'"));

        Assert.Equal(0L, await CountPostingsAsync());
    }

    [Fact]
    public async Task BalancesSurviveReopeningTheDatabase()
    {
        await Ledger.PostBatchAsync([.. Enumerable.Range(0, 10).Select(n => Transfer($"pay:hh-{n}", (Payable, 100 + n), (Holder(n), -(100 + n))))], Ct);
        var before = await Ledger.BalancesAsync("", Ct);

        var reopened = new SqlLedger(Reopen());

        Assert.Equal(before, await reopened.BalancesAsync("", Ct));
        Assert.Equal(1045, await reopened.BalanceAsync(Payable, Ct));
        Assert.True(await reopened.IsPostedAsync("pay:hh-9", Ct));
        Assert.Equal(TransferOutcome.AlreadyPosted, (await reopened.PostAsync(Transfer("pay:hh-3", (Payable, 103), (Holder(3), -103)), Ct)).Outcome);
    }

    [Fact]
    public async Task AVersion1DatabaseGainsTheLedgerWhenTheSchemaIsEnsured()
    {
        // What a database written by the first build looks like: no ledger tables, stamped version 1.
        await ExecuteRawAsync("DROP TABLE ledger_posting");
        await ExecuteRawAsync("DROP TABLE ledger_transfer");
        await ExecuteRawAsync("DELETE FROM schema_version");
        await ExecuteRawAsync("INSERT INTO schema_version (version, applied_at) VALUES (1, '2025-01-01T00:00:00Z')");

        await Database.EnsureSchemaAsync(Ct);

        Assert.True((await Ledger.PostAsync(Transfer("pay:hh-0", (Payable, 50), (Holder(0), -50)), Ct)).WasPosted);
        Assert.Equal((long)AgriLinkDatabase.SchemaVersion, Convert.ToInt64(await ScalarAsync("SELECT MAX(version) FROM schema_version")));
        Assert.Equal(2L, Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM schema_version")));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteRawAsync("DELETE FROM ledger_posting"));
    }

    [Fact]
    public async Task AnySequenceOfBalancedTransfersConservesMoneyAndReplaysPostNothing()
    {
        // One transfer: 1–4 random non-zero legs over six accounts, plus a balancing leg unless they already sum to zero.
        var legs = Gen.Select(Gen.Int[0, 5], Gen.Long[-1_000_000, 1_000_000].Where(a => a != 0)).Array[1, 4];
        var postings = Gen.Select(legs, Gen.Int[0, 5]);
        // An item is a new transfer or, one time in four, a replay of any earlier one (Pick chooses which).
        var item = Gen.Select(Gen.Int[0, 3].Select(n => n == 0), Gen.Int[0, 1000], postings);
        // A step posts its items as one batch, or one by one.
        var step = Gen.Select(Gen.Bool, item.Array[1, 5]);

        await step.Array[1, 8].SampleAsync(async steps =>
        {
            // Each sample in its own namespace of keys and accounts, so samples (and shrinking) share the database.
            var run = Guid.NewGuid().ToString("N");
            string Account(int n) => $"p{run}:a{n}";
            var ledger = Ledger;
            var history = new List<(LedgerTransfer Transfer, long Id)>();
            var model = new Dictionary<string, long>(StringComparer.Ordinal);

            foreach (var (asBatch, items) in steps)
            {
                var transfers = new List<LedgerTransfer>();
                var replayOf = new List<int>();
                foreach (var (replay, pick, (legList, balancer)) in items)
                {
                    var known = history.Count + transfers.Count;
                    if (replay && known > 0)
                    {
                        var source = pick % known;
                        transfers.Add(source < history.Count ? history[source].Transfer : transfers[source - history.Count]);
                        replayOf.Add(source);
                        continue;
                    }

                    var list = legList.Select(l => new LedgerPosting(Account(l.Item1), l.Item2)).ToList();
                    var sum = list.Sum(p => p.AmountFen);
                    if (sum != 0)
                    {
                        list.Add(new LedgerPosting(Account(balancer), -sum));
                    }

                    transfers.Add(new LedgerTransfer($"{run}:{known}", list, "", Declared));
                    replayOf.Add(-1);
                }

                IReadOnlyList<TransferResult> results = asBatch
                    ? (await ledger.PostBatchAsync(transfers, Ct)).Results
                    : await SequentialAsync(ledger, transfers);

                for (var n = 0; n < transfers.Count; n++)
                {
                    if (replayOf[n] < 0)
                    {
                        Assert.Equal(TransferOutcome.Posted, results[n].Outcome);
                        foreach (var p in transfers[n].Postings)
                        {
                            model[p.Account] = model.GetValueOrDefault(p.Account) + p.AmountFen;
                        }
                    }
                    else
                    {
                        Assert.Equal(TransferResult.AlreadyPosted(history[replayOf[n]].Id), results[n]);
                    }

                    history.Add((transfers[n], results[n].TransferId));
                }
            }

            var balances = await ledger.BalancesAsync($"p{run}:", Ct);
            Assert.Equal(model, balances);
            Assert.Equal(0, balances.Values.Sum());
            foreach (var (account, balance) in balances)
            {
                Assert.Equal(balance, await ledger.BalanceAsync(account, Ct));
                Assert.Equal(balance, (await ledger.EntriesAsync(account, limit: LedgerEntry.MaxLimit, ct: Ct)).Sum(e => e.AmountFen));
            }
        }, iter: 40, threads: 1);

        Assert.Equal(0, (await Ledger.BalancesAsync("", Ct)).Values.Sum());
    }

    private async Task<IReadOnlyList<TransferResult>> SequentialAsync(ILedger ledger, IEnumerable<LedgerTransfer> transfers)
    {
        var results = new List<TransferResult>();
        foreach (var transfer in transfers)
        {
            results.Add(await ledger.PostAsync(transfer, Ct));
        }

        return results;
    }

    protected static string Holder(int n) => LedgerAccounts.ShareholderDividends($"hh-{n}");

    protected static LedgerTransfer Transfer(string key, params (string Account, long AmountFen)[] postings) =>
        new(key, [.. postings.Select(p => new LedgerPosting(p.Account, p.AmountFen))], $"memo {key}", Declared);

    protected async Task ExecuteRawAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    protected async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    private async Task<long> CountPostingsAsync() => Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM ledger_posting"));

    private async Task<long> CountTransfersAsync() => Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM ledger_transfer"));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

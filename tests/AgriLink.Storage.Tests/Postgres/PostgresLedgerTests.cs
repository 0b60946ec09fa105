using System.Data.Common;
using AgriLink.Storage.Ledger;
using AgriLink.Storage.Tests.Ledger;
using Xunit;

namespace AgriLink.Storage.Tests.Postgres;

public sealed class PostgresLedgerTests : LedgerContract
{
    private readonly PostgresTestSchema _schema = new();

    [Theory]
    [InlineData("TRUNCATE ledger_posting")]
    [InlineData("TRUNCATE ledger_transfer CASCADE")]
    [InlineData("TRUNCATE audit_log")]
    public async Task TruncatingAnAppendOnlyTableIsRefused(string sql)
    {
        var ledger = new SqlLedger(Database);
        await ledger.PostAsync(Transfer("pay:2025:hh-wang", ("coop:payable", 240_000), ("holder:hh-wang", -240_000)), Ct);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteRawAsync(sql));

        Assert.Contains("append-only", error.Message);
        Assert.Equal(-240_000, await ledger.BalanceAsync("holder:hh-wang", Ct));
    }

    [Theory]
    [InlineData("holder:")]
    [InlineData("holder_%\\")]
    public async Task PrefixBalancesUseTheAccountIndex(string prefix)
    {
        // The same condition and bound value SqlLedger.BalancesAsync uses; sequential scans are priced out, so the
        // plan shows whether an index range is possible at all, whatever the table's size.
        var (condition, value) = Database.Dialect.StartsWith("account", "@prefix", prefix);
        await using var connection = await Database.OpenAsync(Ct);
        await using (var off = connection.CreateCommand())
        {
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync(Ct);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN SELECT account, SUM(amount_fen) FROM ledger_posting WHERE {condition} GROUP BY account";
        Database.Dialect.AddParameter(command, "@prefix", value);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var plan = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            plan.Add(reader.GetString(0));
        }

        Assert.Contains(plan, step => step.Contains("ix_ledger_posting_account", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("Index Cond", StringComparison.Ordinal) && step.Contains("account >=", StringComparison.Ordinal));
    }

    protected override AgriLinkDatabase CreateDatabase() => _schema.Open();

    protected override AgriLinkDatabase Reopen() => PostgresTestSchema.Reopen(Database);

    protected override ValueTask DropDatabaseAsync() => _schema.DropAsync(Database);
}

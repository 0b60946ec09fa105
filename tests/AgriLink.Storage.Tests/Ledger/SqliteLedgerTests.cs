using System.Data.Common;
using AgriLink.Storage.Tests.Sqlite;
using Xunit;

namespace AgriLink.Storage.Tests.Ledger;

public sealed class SqliteLedgerTests : LedgerContract
{
    private readonly SqliteTestFile _file = new();

    [Theory]
    [InlineData("1.5")]
    [InlineData("'one hundred'")]
    public async Task AnAmountThatIsNotAnIntegerIsRefused(string amount)
    {
        await ExecuteRawAsync(
            "INSERT INTO ledger_transfer (idempotency_key, memo, occurred_at, recorded_at) VALUES ('raw', '', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')");

        // STRICT tables: SQLite would otherwise store 1.5 as REAL, floating point next to money.
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteRawAsync(
            $"INSERT INTO ledger_posting (transfer_id, account, amount_fen) SELECT id, 'x', {amount} FROM ledger_transfer"));
    }

    [Fact]
    public async Task PrefixBalancesUseTheAccountIndex()
    {
        // The same condition and bound value SqlLedger.BalancesAsync uses.
        var (condition, value) = Database.Dialect.StartsWith("account", "@prefix", "holder:");
        await using var connection = await Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT account, SUM(amount_fen) FROM ledger_posting WHERE {condition} GROUP BY account";
        Database.Dialect.AddParameter(command, "@prefix", value);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var plan = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains("ix_ledger_posting_account", StringComparison.Ordinal) && step.Contains("account>?", StringComparison.Ordinal));
    }

    protected override AgriLinkDatabase CreateDatabase() => _file.Open();

    protected override AgriLinkDatabase Reopen() => _file.Reopen(Database);

    protected override ValueTask DropDatabaseAsync()
    {
        _file.Delete(Database);
        return default;
    }
}

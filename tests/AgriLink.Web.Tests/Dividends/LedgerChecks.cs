using System.Text.Json.Nodes;
using AgriLink.Storage;
using AgriLink.Storage.Dialects;
using AgriLink.Storage.Ledger;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace AgriLink.Web.Tests.Dividends;

public static class LedgerChecks
{
    /// <summary>
    /// Every line's shareholder holds exactly its paid amount (and any floor still owed), nobody else was paid a
    /// dividend, and the cooperative's dividends payable is back to zero. Returns every shareholder balance.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, long>> AssertEveryLinePaidOnceAsync(ILedger ledger, string cooperativeId, IReadOnlyList<JsonObject> lines)
    {
        var balances = await ledger.BalancesAsync(LedgerAccounts.ShareholderPrefixAll, Api.Ct);
        var wrong = new List<string>();
        foreach (var line in lines)
        {
            var holder = (string)line["shareholderId"]!;
            var paid = (long)line["paidFen"]!;
            var owed = (long)line["owedFen"]!;
            var got = balances.GetValueOrDefault(LedgerAccounts.ShareholderDividends(holder));
            if (got != paid) wrong.Add($"{holder}: paid {got} fen, its line says {paid}");
            var gotOwed = balances.GetValueOrDefault(LedgerAccounts.ShareholderPrefix(holder) + "floors-owed");
            if (gotOwed != owed) wrong.Add($"{holder}: owed {gotOwed} fen, its line says {owed}");
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} shareholders are wrong, e.g.\n{string.Join('\n', wrong.Take(10))}");
        var dividendAccounts = balances.Keys.Where(a => a.EndsWith(":dividends", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(lines.Where(l => (long)l["paidFen"]! != 0).Select(l => LedgerAccounts.ShareholderDividends((string)l["shareholderId"]!)).ToHashSet(StringComparer.Ordinal),
            dividendAccounts);
        Assert.Equal(0, await ledger.BalanceAsync(LedgerAccounts.CooperativeDividendsPayable(cooperativeId), Api.Ct));
        return balances;
    }

    /// <summary>
    /// The ledger of a data folder read from outside the app: its own read-only, unpooled connections to the SQLite
    /// file, so it sees every committed transaction of the app's process (WAL) and never writes or holds the file.
    /// </summary>
    public static SqlLedger ReadOnly(string databaseFile) =>
        new(new AgriLinkDatabase(new SqliteDialect(), new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 10,
        }.ConnectionString));

    /// <summary>How many transfers with keys starting with <paramref name="prefix"/> are posted, by plain SQL.</summary>
    public static async Task<long> CountTransfersAsync(string databaseFile, string prefix)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 10,
        }.ConnectionString);
        await connection.OpenAsync(Api.Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ledger_transfer WHERE substr(idempotency_key, 1, length($prefix)) = $prefix";
        command.Parameters.AddWithValue("$prefix", prefix);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Api.Ct));
    }
}

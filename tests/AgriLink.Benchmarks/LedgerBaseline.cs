using System.Diagnostics;
using System.Globalization;
using AgriLink.Storage;
using Microsoft.Data.Sqlite;

namespace AgriLink.Benchmarks;

/// <summary>
/// Run B, the baseline of the issue's benchmark: "one bulk insert of 50,000 balanced ledger rows in a single
/// transaction on the same database". Read as: <c>n</c> balanced two-posting transfers (dividends payable → the
/// holder's dividends account) written with raw SQL into the AgriLink ledger schema of a fresh SQLite file made by
/// <see cref="AgriLinkDatabase.EnsureSchemaAsync"/> (same tables, indexes, CHECKs and triggers), through a connection
/// opened by <see cref="AgriLinkDatabase.OpenAsync"/> (same pragmas: WAL, synchronous=FULL, foreign keys), in ONE
/// <c>BEGIN IMMEDIATE</c> transaction, with two prepared INSERT statements reused for every row: per transfer one
/// <c>INSERT … RETURNING id</c> into ledger_transfer and two inserts into ledger_posting. No idempotency check, no grain,
/// no serialization: the least work that stores the same rows. Keys, memos and amounts are the system run's own.
/// </summary>
public static class LedgerBaseline
{
    public sealed record Row(string IdempotencyKey, string DebitAccount, string CreditAccount, long AmountFen, string Memo);

    public sealed record Result(TimeSpan Elapsed, int Transfers, long Postings, long DatabaseBytes);

    public static async Task<Result> RunAsync(string databaseFile, IReadOnlyList<Row> rows, DateTimeOffset occurredAt)
    {
        var database = AgriLinkDatabase.Sqlite(databaseFile);
        await database.EnsureSchemaAsync(); // untimed: the schema exists before any benchmark

        var occurred = occurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var stopwatch = Stopwatch.StartNew();
        await using (var connection = (SqliteConnection)await database.OpenAsync())
        {
            await using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE, as the dialect does
            await using var insertTransfer = connection.CreateCommand();
            insertTransfer.Transaction = transaction;
            insertTransfer.CommandText =
                "INSERT INTO ledger_transfer (idempotency_key, memo, occurred_at, recorded_at) VALUES ($key, $memo, $occurred, $recorded) RETURNING id";
            var key = insertTransfer.Parameters.Add("$key", SqliteType.Text);
            var memo = insertTransfer.Parameters.Add("$memo", SqliteType.Text);
            insertTransfer.Parameters.AddWithValue("$occurred", occurred);
            insertTransfer.Parameters.AddWithValue("$recorded", occurred);
            insertTransfer.Prepare();

            await using var insertPosting = connection.CreateCommand();
            insertPosting.Transaction = transaction;
            insertPosting.CommandText = "INSERT INTO ledger_posting (transfer_id, account, amount_fen) VALUES ($transfer, $account, $amount)";
            var transfer = insertPosting.Parameters.Add("$transfer", SqliteType.Integer);
            var account = insertPosting.Parameters.Add("$account", SqliteType.Text);
            var amount = insertPosting.Parameters.Add("$amount", SqliteType.Integer);
            insertPosting.Prepare();

            foreach (var row in rows)
            {
                key.Value = row.IdempotencyKey;
                memo.Value = row.Memo;
                var id = (long)(await insertTransfer.ExecuteScalarAsync())!;
                transfer.Value = id;
                account.Value = row.DebitAccount;
                amount.Value = -row.AmountFen;
                await insertPosting.ExecuteNonQueryAsync();
                account.Value = row.CreditAccount;
                amount.Value = row.AmountFen;
                await insertPosting.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
        stopwatch.Stop();

        // Checked after the clock stops: every row there, every transfer balanced.
        await using var check = (SqliteConnection)await database.OpenAsync();
        var transfers = await ScalarAsync(check, "SELECT COUNT(*) FROM ledger_transfer");
        var postings = await ScalarAsync(check, "SELECT COUNT(*) FROM ledger_posting");
        var sum = await ScalarAsync(check, "SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_posting");
        var unbalanced = await ScalarAsync(check, "SELECT COUNT(*) FROM (SELECT transfer_id FROM ledger_posting GROUP BY transfer_id HAVING SUM(amount_fen) <> 0)");
        if (transfers != rows.Count || postings != 2L * rows.Count || sum != 0 || unbalanced != 0)
            throw new BenchmarkFailedException(
                $"Baseline wrote {transfers} transfers / {postings} postings (sum {sum}, {unbalanced} unbalanced); expected {rows.Count} / {2L * rows.Count}, sum 0.");
        await ScalarAsync(check, "PRAGMA wal_checkpoint(TRUNCATE)");
        SqliteConnection.ClearPool(check);
        return new Result(stopwatch.Elapsed, (int)transfers, postings, new FileInfo(databaseFile).Length);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

/// <summary>The benchmark measured something wrong: its numbers must not be reported.</summary>
public sealed class BenchmarkFailedException(string message) : Exception(message);

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
        var result = await RunAsync(AgriLinkDatabase.Sqlite(databaseFile), rows, occurredAt);
        await using (var check = (SqliteConnection)await AgriLinkDatabase.Sqlite(databaseFile).OpenAsync())
        {
            await ScalarAsync(check, "PRAGMA wal_checkpoint(TRUNCATE)");
            SqliteConnection.ClearPool(check);
        }

        return result with { DatabaseBytes = new FileInfo(databaseFile).Length };
    }

    /// <summary>
    /// The same rows on any AgriLink database (the cluster benchmark runs it on a PostgreSQL database of its own):
    /// schema by <see cref="AgriLinkDatabase.EnsureSchemaAsync"/>, one write transaction as the dialect begins it, two
    /// prepared statements reused for every row. <see cref="Result.DatabaseBytes"/> is 0 here.
    /// </summary>
    public static async Task<Result> RunAsync(AgriLinkDatabase database, IReadOnlyList<Row> rows, DateTimeOffset occurredAt)
    {
        await database.EnsureSchemaAsync(); // untimed: the schema exists before any benchmark

        var occurred = database.Dialect.ToDbTimestamp(occurredAt);
        var stopwatch = Stopwatch.StartNew();
        await using (var connection = await database.OpenAsync())
        {
            await using var transaction = await database.Dialect.BeginWriteTransactionAsync(connection, CancellationToken.None);
            await using var insertTransfer = Sql.Command(connection, transaction,
                "INSERT INTO ledger_transfer (idempotency_key, memo, occurred_at, recorded_at) VALUES (@key, @memo, @occurred, @recorded) RETURNING id",
                ("@key", ""), ("@memo", ""), ("@occurred", occurred), ("@recorded", occurred));
            await insertTransfer.PrepareAsync();
            await using var insertPosting = Sql.Command(connection, transaction,
                "INSERT INTO ledger_posting (transfer_id, account, amount_fen) VALUES (@transfer, @account, @amount)",
                ("@transfer", 0L), ("@account", ""), ("@amount", 0L));
            await insertPosting.PrepareAsync();

            foreach (var row in rows)
            {
                insertTransfer.Parameters[0].Value = row.IdempotencyKey;
                insertTransfer.Parameters[1].Value = row.Memo;
                var id = Convert.ToInt64(await insertTransfer.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                insertPosting.Parameters[0].Value = id;
                insertPosting.Parameters[1].Value = row.DebitAccount;
                insertPosting.Parameters[2].Value = -row.AmountFen;
                await insertPosting.ExecuteNonQueryAsync();
                insertPosting.Parameters[1].Value = row.CreditAccount;
                insertPosting.Parameters[2].Value = row.AmountFen;
                await insertPosting.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
        stopwatch.Stop();

        // Checked after the clock stops: every row there, every transfer balanced.
        await using var check = await database.OpenAsync();
        var transfers = await ScalarAsync(check, "SELECT COUNT(*) FROM ledger_transfer");
        var postings = await ScalarAsync(check, "SELECT COUNT(*) FROM ledger_posting");
        var sum = await ScalarAsync(check, "SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_posting");
        var unbalanced = await ScalarAsync(check, "SELECT COUNT(*) FROM (SELECT transfer_id FROM ledger_posting GROUP BY transfer_id HAVING SUM(amount_fen) <> 0) u");
        if (transfers != rows.Count || postings != 2L * rows.Count || sum != 0 || unbalanced != 0)
            throw new BenchmarkFailedException(
                $"Baseline wrote {transfers} transfers / {postings} postings (sum {sum}, {unbalanced} unbalanced); expected {rows.Count} / {2L * rows.Count}, sum 0.");
        return new Result(stopwatch.Elapsed, (int)transfers, postings, 0);
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

/// <summary>The benchmark measured something wrong: its numbers must not be reported.</summary>
public sealed class BenchmarkFailedException(string message) : Exception(message);

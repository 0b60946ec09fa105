using System.Data.Common;
using System.Text;

namespace AgriLink.Storage.Ledger;

/// <summary>
/// The ledger in the <c>ledger_transfer</c> and <c>ledger_posting</c> tables. Append-only is enforced by database
/// triggers and the non-zero amount by a CHECK, so both hold for anything else that can reach the database;
/// balance and idempotency are enforced here, each write in one transaction.
/// </summary>
public sealed class SqlLedger : ILedger
{
    /// <summary>Keys per <c>IN (...)</c> list when reading back transfers already posted: well under every engine's parameter limit.</summary>
    private const int KeyChunk = 500;

    private const string InsertPostingSql = "INSERT INTO ledger_posting (transfer_id, account, amount_fen) VALUES (@transfer_id, @account, @amount_fen)";

    private const string EntryColumns =
        "SELECT p.id, p.transfer_id, t.idempotency_key, p.account, p.amount_fen, t.memo, t.occurred_at, t.recorded_at " +
        "FROM ledger_posting p JOIN ledger_transfer t ON t.id = p.transfer_id";

    private readonly AgriLinkDatabase _database;
    private readonly TimeProvider _time;
    private readonly string _insertTransferSql;

    public SqlLedger(AgriLinkDatabase database, TimeProvider? timeProvider = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = timeProvider ?? TimeProvider.System;

        // ON CONFLICT DO NOTHING instead of catching the unique violation: an error would abort a PostgreSQL
        // transaction, and a concurrent writer of the same key makes this wait for it, then return no row.
        _insertTransferSql = database.Dialect.InsertIfAbsent(
            "ledger_transfer", ["idempotency_key", "memo", "occurred_at", "recorded_at"], ["idempotency_key"]) + " RETURNING id";
    }

    public async Task<TransferResult> PostAsync(LedgerTransfer transfer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return (await PostAllAsync([transfer], ct))[0];
    }

    public async Task<BatchResult> PostBatchAsync(IReadOnlyList<LedgerTransfer> transfers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        return new BatchResult(await PostAllAsync(transfers, ct));
    }

    public async Task<long> BalanceAsync(string account, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        await using var connection = await _database.OpenAsync(ct);
        await using var command = _database.CreateCommand(connection, null,
            "SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_posting WHERE account = @account", ("@account", account));

        // Convert, not cast: PostgreSQL sums bigint into numeric.
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    public async Task<IReadOnlyDictionary<string, long>> BalancesAsync(string accountPrefix, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(accountPrefix);
        var (condition, value) = _database.Dialect.StartsWith("account", "@prefix", accountPrefix);
        await using var connection = await _database.OpenAsync(ct);
        await using var command = _database.CreateCommand(connection, null,
            $"SELECT account, SUM(amount_fen) FROM ledger_posting WHERE {condition} GROUP BY account", ("@prefix", value));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var balances = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            balances.Add(reader.GetString(0), Convert.ToInt64(reader.GetValue(1)));
        }

        return balances;
    }

    public async Task<bool> IsPostedAsync(string idempotencyKey, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        await using var connection = await _database.OpenAsync(ct);
        await using var command = _database.CreateCommand(connection, null,
            "SELECT 1 FROM ledger_transfer WHERE idempotency_key = @key", ("@key", idempotencyKey));
        return await command.ExecuteScalarAsync(ct) is not (null or DBNull);
    }

    public async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(string account, long? beforeId = null, int limit = 100, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);

        var sql = new StringBuilder(EntryColumns).Append(" WHERE p.account = @account");
        var parameters = new List<(string Name, object? Value)> { ("@account", account) };
        if (beforeId is { } before)
        {
            sql.Append(" AND p.id < @before_id");
            parameters.Add(("@before_id", before));
        }

        sql.Append(" ORDER BY p.id DESC LIMIT @limit");
        parameters.Add(("@limit", (long)Math.Min(limit, LedgerEntry.MaxLimit)));

        var dialect = _database.Dialect;
        await using var connection = await _database.OpenAsync(ct);
        await using var command = _database.CreateCommand(connection, null, sql.ToString(), [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<LedgerEntry>();
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new LedgerEntry(
                Id: reader.GetInt64(0),
                TransferId: reader.GetInt64(1),
                IdempotencyKey: reader.GetString(2),
                Account: reader.GetString(3),
                AmountFen: reader.GetInt64(4),
                Memo: reader.GetString(5),
                OccurredAt: dialect.ReadTimestamp(reader, 6),
                RecordedAt: dialect.ReadTimestamp(reader, 7)));
        }

        return entries;
    }

    /// <summary>
    /// The one write path, for one transfer or thousands: every new transfer and its postings in a single
    /// transaction, through two prepared statements reused for every row. Keys that turn out to be taken are
    /// checked against what is stored afterwards, in chunks; a mismatch rolls everything back.
    /// </summary>
    private async Task<TransferResult[]> PostAllAsync(IReadOnlyList<LedgerTransfer> transfers, CancellationToken ct)
    {
        // Everything that can be refused without the database is refused before opening it.
        var firstWithKey = new Dictionary<string, int>(transfers.Count, StringComparer.Ordinal);
        var repeatOf = new int[transfers.Count];
        for (var i = 0; i < transfers.Count; i++)
        {
            var transfer = transfers[i] ?? throw new ArgumentException($"The batch has a null transfer at {i}.", nameof(transfers));
            repeatOf[i] = -1;
            if (!firstWithKey.TryAdd(transfer.IdempotencyKey, i))
            {
                var first = firstWithKey[transfer.IdempotencyKey];
                if (!transfer.HasSamePostingsAs(transfers[first].Postings))
                {
                    throw new ArgumentException(
                        $"The batch holds key '{transfer.IdempotencyKey}' twice (at {first} and {i}) with different postings.", nameof(transfers));
                }

                repeatOf[i] = first;
            }
        }

        var results = new TransferResult[transfers.Count];
        if (transfers.Count == 0)
        {
            return results;
        }

        var dialect = _database.Dialect;
        await using var turn = await _database.EnterWriteAsync(ct);
        await using var connection = await _database.OpenAsync(ct);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, ct);

        var recordedAt = dialect.ToDbTimestamp(_time.GetUtcNow());
        await using var insertTransfer = _database.CreateCommand(connection, transaction, _insertTransferSql,
            ("@idempotency_key", null), ("@memo", null), ("@occurred_at", null), ("@recorded_at", recordedAt));
        await using var insertPosting = _database.CreateCommand(connection, transaction, InsertPostingSql,
            ("@transfer_id", null), ("@account", null), ("@amount_fen", null));

        // A single post skips the explicit prepare: on a server engine it costs a round trip it never earns back.
        var prepare = transfers.Count > 1;
        var taken = new List<int>();
        for (var i = 0; i < transfers.Count; i++)
        {
            if (repeatOf[i] >= 0)
            {
                continue;
            }

            var transfer = transfers[i];
            insertTransfer.Parameters[0].Value = transfer.IdempotencyKey;
            insertTransfer.Parameters[1].Value = transfer.Memo;
            insertTransfer.Parameters[2].Value = dialect.ToDbTimestamp(transfer.OccurredAt);
            if (prepare && i == 0)
            {
                await insertTransfer.PrepareAsync(ct);
            }

            if (await insertTransfer.ExecuteScalarAsync(ct) is not { } inserted || inserted is DBNull)
            {
                taken.Add(i);
                continue;
            }

            var transferId = Convert.ToInt64(inserted);
            foreach (var posting in transfer.Postings)
            {
                insertPosting.Parameters[0].Value = transferId;
                insertPosting.Parameters[1].Value = posting.Account;
                insertPosting.Parameters[2].Value = posting.AmountFen;
                if (prepare)
                {
                    await insertPosting.PrepareAsync(ct);
                    prepare = false;
                }

                await insertPosting.ExecuteNonQueryAsync(ct);
            }

            results[i] = TransferResult.Posted(transferId);
        }

        if (taken.Count > 0)
        {
            var stored = await ReadPostedAsync(connection, transaction, taken.Select(i => transfers[i].IdempotencyKey), ct);
            foreach (var i in taken)
            {
                var transfer = transfers[i];
                var (id, postings) = stored[transfer.IdempotencyKey];
                if (!LedgerTransfer.SamePostings(transfer.Postings.Select(p => (p.Account, p.AmountFen)), postings))
                {
                    // Disposing the uncommitted transaction rolls back whatever this batch wrote.
                    throw new IdempotencyConflictException(transfer.IdempotencyKey, id);
                }

                results[i] = TransferResult.AlreadyPosted(id);
            }
        }

        await transaction.CommitAsync(ct);

        for (var i = 0; i < transfers.Count; i++)
        {
            if (repeatOf[i] >= 0)
            {
                results[i] = TransferResult.AlreadyPosted(results[repeatOf[i]].TransferId);
            }
        }

        return results;
    }

    /// <summary>Id and postings of the transfers already stored under <paramref name="keys"/>, read in chunks.</summary>
    private async Task<Dictionary<string, (long Id, List<(string Account, long AmountFen)> Postings)>> ReadPostedAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<string> keys, CancellationToken ct)
    {
        var stored = new Dictionary<string, (long Id, List<(string Account, long AmountFen)> Postings)>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(KeyChunk))
        {
            var names = chunk.Select((_, n) => $"@k{n}").ToArray();
            var sql =
                "SELECT t.id, t.idempotency_key, p.account, p.amount_fen FROM ledger_transfer t " +
                $"LEFT JOIN ledger_posting p ON p.transfer_id = t.id WHERE t.idempotency_key IN ({string.Join(", ", names)}) ORDER BY t.id, p.id";
            await using var command = _database.CreateCommand(connection, transaction, sql, [.. names.Zip(chunk, (name, key) => (name, (object?)key))]);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = reader.GetString(1);
                if (!stored.TryGetValue(key, out var transfer))
                {
                    transfer = (reader.GetInt64(0), []);
                    stored.Add(key, transfer);
                }

                if (!await reader.IsDBNullAsync(2, ct))
                {
                    transfer.Postings.Add((reader.GetString(2), reader.GetInt64(3)));
                }
            }
        }

        return stored;
    }
}

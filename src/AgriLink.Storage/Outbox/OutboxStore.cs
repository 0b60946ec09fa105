using AgriLink.Storage.Changes;

namespace AgriLink.Storage.Outbox;

/// <summary>
/// Reads the outbox in order and keeps each consumer's acknowledged position (one row per consumer: a purpose and,
/// where every node follows for itself, the node). Consumers read after their position, act, then acknowledge: at least
/// once and in order, and after a crash they resume where they acknowledged.
/// </summary>
public sealed class OutboxStore(AgriLinkDatabase database)
{
    public const int MaxBatch = 1000;

    /// <summary>The events after <paramref name="after"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<OutboxRecord>> ReadAfterAsync(long after, int limit, CancellationToken ct = default) =>
        ReadAsync("WHERE seq > @after", null, after, limit, ct);

    /// <summary>The events of one topic after <paramref name="after"/> (by the topic index), oldest first.</summary>
    public Task<IReadOnlyList<OutboxRecord>> ReadTopicAfterAsync(string topic, long after, int limit, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        return ReadAsync("WHERE topic = @topic AND seq > @after", topic, after, limit, ct);
    }

    private async Task<IReadOnlyList<OutboxRecord>> ReadAsync(string where, string? topic, long after, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await database.OpenAsync(ct);
        await using var command = database.CreateCommand(connection, null,
            $"SELECT seq, topic, name, resource, sequence, at, data FROM outbox {where} ORDER BY seq LIMIT @limit",
            ("@after", after), ("@limit", (long)Math.Min(limit, MaxBatch)));
        if (topic is not null) database.Dialect.AddParameter(command, "@topic", topic);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var records = new List<OutboxRecord>();
        while (await reader.ReadAsync(ct))
        {
            records.Add(new OutboxRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt64(4), database.Dialect.ReadTimestamp(reader, 5), reader.GetString(6)));
        }

        return records;
    }

    /// <summary>The newest event's number (0 when the outbox is empty): where a new consumer that wants no history starts.</summary>
    public async Task<long> LatestAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = database.CreateCommand(connection, null, "SELECT COALESCE(MAX(seq), 0) FROM outbox");
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>The consumer's acknowledged position, or null if it never acknowledged one.</summary>
    public async Task<long?> PositionAsync(string consumer, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        await using var connection = await database.OpenAsync(ct);
        await using var command = database.CreateCommand(connection, null, "SELECT position FROM outbox_consumer WHERE consumer = @consumer", ("@consumer", consumer));
        return await command.ExecuteScalarAsync(ct) is { } found and not DBNull ? Convert.ToInt64(found) : null;
    }

    /// <summary>Records that the consumer has handled everything up to <paramref name="position"/>; never moves it back.</summary>
    public async Task AcknowledgeAsync(string consumer, long position, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        await using var turn = await database.EnterWriteAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await using var command = database.CreateCommand(connection, null,
            "INSERT INTO outbox_consumer (consumer, position, updated_at) VALUES (@consumer, @position, @updated_at) " +
            "ON CONFLICT (consumer) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at " +
            "WHERE outbox_consumer.position < excluded.position",
            ("@consumer", consumer), ("@position", position), ("@updated_at", database.Dialect.ToDbTimestamp(DateTimeOffset.UtcNow)));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Appends events outside any grain write (tests, tools); grains stage theirs with the state.</summary>
    public async Task AppendAsync(IReadOnlyList<OutboxMessage> events, CancellationToken ct = default)
    {
        await using var turn = await database.EnterWriteAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await database.Dialect.BeginWriteTransactionAsync(connection, ct);
        await new ChangeWriter(database).WriteEventsAsync(connection, transaction, events);
        await transaction.CommitAsync(ct);
    }
}

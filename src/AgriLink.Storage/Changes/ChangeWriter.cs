using System.Collections.Concurrent;
using System.Data.Common;
using AgriLink.Storage.Audit;

namespace AgriLink.Storage.Changes;

/// <summary>
/// Writes read rows, audit entries and outbox events inside a transaction someone else opened and commits. Given running
/// totals, it also moves them by what each state's rows change (<see cref="TotalsWriter"/>); the owner of the transaction
/// then calls <see cref="FlushTotalsAsync"/> before committing.
/// </summary>
internal sealed class ChangeWriter(AgriLinkDatabase database, IReadOnlyList<RunningTotals>? totals = null)
{
    private readonly ConcurrentDictionary<ProjectionTable, string> _upserts = new();
    private readonly TotalsWriter _totals = new(database, totals ?? []);

    public async Task WriteRowsAsync(DbConnection connection, DbTransaction transaction, IEnumerable<ProjectionWrite> rows)
    {
        var list = rows as IReadOnlyList<ProjectionWrite> ?? rows.ToList();
        if (list.Count == 0) return;
        var bracket = _totals.IsEmpty ? null : await _totals.BeforeAsync(connection, transaction, list);
        await WriteEachAsync(connection, transaction, list);
        if (bracket is not null) await _totals.AfterAsync(connection, transaction, bracket);
    }

    /// <summary>The running totals' deltas of every write in this transaction, applied once, last before commit.</summary>
    public Task FlushTotalsAsync(DbConnection connection, DbTransaction transaction) => _totals.FlushAsync(connection, transaction);

    /// <summary>Every running total again from the projection rows (after a rebuild).</summary>
    public Task RecomputeTotalsAsync(DbConnection connection, DbTransaction transaction) => _totals.RecomputeAsync(connection, transaction);

    private async Task WriteEachAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ProjectionWrite> rows)
    {
        foreach (var row in rows)
        {
            switch (row)
            {
                case ProjectionWrite.UpsertRow upsert:
                {
                    var sql = _upserts.GetOrAdd(upsert.Table, t => database.Dialect.Upsert(t.Name, t.Columns, t.Key));
                    await using var command = database.CreateCommand(connection, transaction, sql);
                    for (var i = 0; i < upsert.Table.Columns.Count; i++)
                        database.Dialect.AddParameter(command, "@" + upsert.Table.Columns[i], ToDb(upsert.Values[i]));
                    await command.ExecuteNonQueryAsync();
                    break;
                }
                case ProjectionWrite.DeleteRows delete:
                {
                    // Table and column come from a ProjectionTable's fixed names (checked when the write was made).
                    await using var command = database.CreateCommand(connection, transaction,
                        $"DELETE FROM {delete.Table.Name} WHERE {delete.Column} = @value", ("@value", delete.Value));
                    await command.ExecuteNonQueryAsync();
                    break;
                }
            }
        }
    }

    /// <summary>Projectors give plain .NET values; times go in as each engine stores them.</summary>
    private object? ToDb(object? value) => value is DateTimeOffset at ? database.Dialect.ToDbTimestamp(at) : value;

    public async Task WriteAuditAsync(DbConnection connection, DbTransaction transaction, object at, IEnumerable<AuditRecord> entries)
    {
        foreach (var entry in entries) await SqlAuditLog.InsertAsync(database, connection, transaction, at, entry);
    }

    /// <summary>
    /// Appends events to the outbox, last in the transaction. Their global numbers must follow commit order (a reader
    /// never passes a number whose transaction commits later), so where writers run concurrently (PostgreSQL) the
    /// dialect takes a transaction lock first: numbers are drawn under it and it is held until commit.
    /// </summary>
    public async Task WriteEventsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxMessage> events)
    {
        if (events.Count == 0) return;
        var dialect = database.Dialect;
        foreach (var statement in dialect.OutboxOrderingSql)
        {
            await using var ordering = database.CreateCommand(connection, transaction, statement);
            await ordering.ExecuteNonQueryAsync();
        }

        foreach (var e in events)
        {
            await using var command = database.CreateCommand(connection, transaction, OutboxSql.Insert,
                ("@topic", e.Topic), ("@name", e.Name), ("@resource", e.Resource), ("@sequence", e.Sequence ?? 0L),
                ("@at", dialect.ToDbTimestamp(e.At)), ("@data", e.Data));
            await command.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>The outbox statements both dialects share.</summary>
internal static class OutboxSql
{
    public const string Insert = "INSERT INTO outbox (topic, name, resource, sequence, at, data) VALUES (@topic, @name, @resource, @sequence, @at, @data)";
}

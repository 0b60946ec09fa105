using System.Collections.Concurrent;
using System.Data.Common;
using AgriLink.Storage.Audit;

namespace AgriLink.Storage.Changes;

/// <summary>Writes read rows, audit entries and outbox events inside a transaction someone else opened and commits.</summary>
internal sealed class ChangeWriter(AgriLinkDatabase database)
{
    private readonly ConcurrentDictionary<ProjectionTable, string> _upserts = new();

    public async Task WriteRowsAsync(DbConnection connection, DbTransaction transaction, IEnumerable<ProjectionWrite> rows)
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

using System.Data.Common;
using System.Text;
using AgriLink.Storage.Changes;

namespace AgriLink.Storage.Audit;

/// <summary>
/// The audit log in the <c>audit_log</c> table. Immutability is enforced by database triggers, not here,
/// so it also holds for anything else that can reach the database.
/// </summary>
public sealed class SqlAuditLog(AgriLinkDatabase database, TimeProvider? timeProvider = null) : IAuditLog
{
    private static readonly string[] Columns = ["at", "actor", "action", "resource_type", "resource_id", "before_json", "after_json"];

    private static readonly string InsertSql =
        $"INSERT INTO audit_log ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private GroupCommitWriter<(object At, AuditRecord Entry), bool>? _writer;
    private object? _writerLock;

    private GroupCommitWriter<(object At, AuditRecord Entry), bool> Writer =>
        LazyInitializer.EnsureInitialized(ref _writer, ref _writerLock, () => new GroupCommitWriter<(object At, AuditRecord Entry), bool>(
            database, async (connection, transaction, row) =>
            {
                await InsertAsync(database, connection, transaction, row.At, row.Entry);
                return true;
            }));

    /// <summary>One entry inside a transaction someone else commits: the log's own writes, and a grain's change that carries its entry.</summary>
    internal static async Task InsertAsync(AgriLinkDatabase database, DbConnection connection, DbTransaction transaction, object at, AuditRecord entry)
    {
        await using var command = database.CreateCommand(connection, transaction, InsertSql,
            ("@at", at),
            ("@actor", entry.Actor),
            ("@action", entry.Action),
            ("@resource_type", entry.ResourceType),
            ("@resource_id", entry.ResourceId),
            ("@before_json", entry.Before),
            ("@after_json", entry.After));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// One entry in a transaction the caller opened and commits on <paramref name="connection"/>: a change written outside
    /// the grains (an account in Identity's tables) carries its entry the way a grain's change does.
    /// </summary>
    public static Task AppendWithinAsync(AgriLinkDatabase database, DbConnection connection, DbTransaction transaction, DateTimeOffset at, AuditRecord entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Validate();
        return InsertAsync(database, connection, transaction, database.Dialect.ToDbTimestamp(at), entry);
    }

    public async Task AppendAsync(
        string actor,
        string action,
        string resourceType,
        string resourceId,
        string? beforeJson,
        string? afterJson,
        CancellationToken ct = default)
    {
        var entry = new AuditRecord(actor, action, resourceType, resourceId, beforeJson, afterJson);
        entry.Validate();

        // Concurrent entries share one transaction (group commit); this returns once the entry is durable.
        await Writer.WriteAsync((database.Dialect.ToDbTimestamp(_time.GetUtcNow()), entry), ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));

        // Only fixed column names go into the text; every value is a parameter.
        var sql = new StringBuilder($"SELECT id, {string.Join(", ", Columns)} FROM audit_log WHERE 1 = 1");
        var parameters = new List<(string Name, object? Value)>();
        void Filter(string column, object? value)
        {
            if (value is null)
            {
                return;
            }

            sql.Append($" AND {column} = @{column}");
            parameters.Add(("@" + column, value));
        }

        Filter("resource_type", query.ResourceType);
        Filter("resource_id", query.ResourceId);
        if (query.Actor is { } actor)
        {
            // A person is recorded as "user name (user id)": the user name alone finds them, by an index range on actor.
            sql.Append(" AND (actor = @actor OR (actor >= @actor_from AND actor < @actor_to))");
            parameters.Add(("@actor", actor));
            parameters.Add(("@actor_from", actor + " ("));
            parameters.Add(("@actor_to", actor + " )"));
        }
        if (query.From is { } from)
        {
            sql.Append(" AND at >= @from");
            parameters.Add(("@from", database.Dialect.ToDbTimestamp(from)));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND at < @to");
            parameters.Add(("@to", database.Dialect.ToDbTimestamp(to)));
        }

        if (query.BeforeId is { } beforeId)
        {
            sql.Append(" AND id < @before_id");
            parameters.Add(("@before_id", beforeId));
        }

        sql.Append(" ORDER BY id DESC LIMIT @limit");
        parameters.Add(("@limit", (long)Math.Min(query.Limit, AuditQuery.MaxLimit)));

        await using var connection = await database.OpenAsync(ct);
        await using var command = database.CreateCommand(connection, null, sql.ToString(), [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new AuditEntry(
                Id: reader.GetInt64(0),
                At: database.Dialect.ReadTimestamp(reader, 1),
                Actor: reader.GetString(2),
                Action: reader.GetString(3),
                ResourceType: reader.GetString(4),
                ResourceId: reader.GetString(5),
                Before: reader.IsDBNull(6) ? null : reader.GetString(6),
                After: reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return entries;
    }
}

using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace AgriLink.Storage.Reminders;

/// <summary>
/// Orleans reminders kept in the AgriLink database, one row per (service, grain, reminder name), so a deadline
/// such as "release this unpaid reservation in 15 minutes" outlives the silo that registered it.
/// The grain's uniform hash is stored beside the row: each silo reads only its own slice of the hash ring,
/// and that read is an index range, not a scan. The ETag is the row's version, bumped by every upsert.
/// </summary>
public sealed class RelationalReminderTable(AgriLinkDatabase database, IOptions<ClusterOptions> clusterOptions) : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at, period_ticks, version";

    // Portable SQL (SQLite 3.35+ and PostgreSQL share ON CONFLICT ... RETURNING); only the DDL differs per dialect.
    private const string UpsertSql =
        "INSERT INTO reminder (service_id, grain_id, reminder_name, grain_hash, start_at, period_ticks, version) " +
        "VALUES (@service_id, @grain_id, @reminder_name, @grain_hash, @start_at, @period_ticks, 1) " +
        "ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET grain_hash = excluded.grain_hash, " +
        "start_at = excluded.start_at, period_ticks = excluded.period_ticks, version = reminder.version + 1 RETURNING version";

    private const string RemoveSql =
        "DELETE FROM reminder WHERE service_id = @service_id AND grain_id = @grain_id AND reminder_name = @reminder_name AND version = @version";

    private readonly string _serviceId = clusterOptions?.Value.ServiceId is { Length: > 0 } serviceId
        ? serviceId
        : throw new ArgumentException("The cluster options must name a service id.", nameof(clusterOptions));

    /// <summary>The schema is ensured when the silo starts (<c>SchemaInitializer</c>), before the reminder service.</summary>
    public Task Init() => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM reminder WHERE service_id = @service_id AND grain_id = @grain_id",
            cancellationToken, ("@grain_id", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>
    /// Rows whose grain hash lies in the ring range (begin, end]. When begin ≥ end the range wraps past
    /// uint.MaxValue back to zero (begin = end is the whole ring), as Orleans' own tables define it.
    /// </summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        var range = begin < end ? "grain_hash > @begin AND grain_hash <= @end" : "(grain_hash > @begin OR grain_hash <= @end)";
        return QueryAsync($"SELECT {Columns} FROM reminder WHERE service_id = @service_id AND {range}",
            cancellationToken, ("@begin", (long)begin), ("@end", (long)end));
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <summary>The reminder, or null when the grain has none by that name (the reminder service expects null).</summary>
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            $"SELECT {Columns} FROM reminder WHERE service_id = @service_id AND grain_id = @grain_id AND reminder_name = @reminder_name",
            cancellationToken, ("@grain_id", grainId.ToString()), ("@reminder_name", reminderName));
        return found.Reminders.Count == 0 ? null : found.Reminders[0];
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName);
        await using var turn = await database.EnterWriteAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = database.CreateCommand(connection, null, UpsertSql,
            ("@service_id", _serviceId),
            ("@grain_id", entry.GrainId.ToString()),
            ("@reminder_name", entry.ReminderName),
            ("@grain_hash", (long)entry.GrainId.GetUniformHashCode()),
            ("@start_at", database.Dialect.ToDbTimestamp(ToUtc(entry.StartAt))),
            ("@period_ticks", entry.Period.Ticks));
        var version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return FormatVersion(version);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <summary>Deletes the row only if it still carries <paramref name="eTag"/>; false when it changed or is gone.</summary>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        await using var turn = await database.EnterWriteAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = database.CreateCommand(connection, null, RemoveSql,
            ("@service_id", _serviceId), ("@grain_id", grainId.ToString()), ("@reminder_name", reminderName), ("@version", version));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <summary>Clears this service's reminders only; another service sharing the database keeps its own.</summary>
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await using var turn = await database.EnterWriteAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = database.CreateCommand(connection, null, "DELETE FROM reminder WHERE service_id = @service_id", ("@service_id", _serviceId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<ReminderTableData> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = database.CreateCommand(connection, null, sql, ("@service_id", _serviceId));
        foreach (var (name, value) in parameters)
        {
            database.Dialect.AddParameter(command, name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader));
        }

        return new ReminderTableData(entries);
    }

    private ReminderEntry Read(DbDataReader reader) => new()
    {
        GrainId = GrainId.Parse(reader.GetString(0)),
        ReminderName = reader.GetString(1),
        StartAt = database.Dialect.ReadTimestamp(reader, 2).UtcDateTime,
        Period = TimeSpan.FromTicks(reader.GetInt64(3)),
        ETag = FormatVersion(reader.GetInt64(4)),
    };

    // The reminder service hands over UTC; an Unspecified kind is taken as UTC rather than shifted by the host's zone.
    private static DateTimeOffset ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    };

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);
}

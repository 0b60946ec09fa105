using System.Data.Common;
using System.Diagnostics;
using AgriLink.Storage.Changes;
using Orleans.Runtime;
using Orleans.Storage;

namespace AgriLink.Storage.Projections;

/// <summary>
/// Makes every projector's tables again from the stored grain states: empties them, then reads the states in key order,
/// a page per transaction, and writes each one's rows; last, the running totals are computed again from those rows (the
/// same queries the incremental path runs per entity, here over all of them). Run while no grain writes (at start, before the silo serves, or
/// from the <c>rebuild-projections</c> command with the app stopped).
/// </summary>
public sealed class ProjectionRebuilder(AgriLinkDatabase database, ProjectorRegistry projectors, IGrainStorageSerializer serializer)
{
    /// <summary>The meta key holding the projection version the tables were last filled for.</summary>
    public const string VersionKey = "projections.version";

    private const int PageSize = 500;

    private readonly ChangeWriter _writer = new(database);
    private readonly ChangeWriter _totals = new(database, projectors.Totals);

    /// <summary>
    /// Rebuilds when the tables were filled for another <paramref name="version"/> (or never: a database from before
    /// projections), drops the states of grains that no longer exist (<paramref name="retiredStates"/>), and stamps the version.
    /// Returns the report, or null when the tables were current.
    /// </summary>
    public async Task<RebuildReport?> EnsureCurrentAsync(int version, IReadOnlyList<string> retiredStates, CancellationToken ct = default)
    {
        var stamp = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (await database.GetMetaAsync(VersionKey, ct) == stamp) return null;
        var report = await RebuildAsync(null, ct);
        await DropStatesAsync(retiredStates, ct);
        await database.SetMetaAsync(VersionKey, stamp, ct);
        return report;
    }

    public async Task<RebuildReport> RebuildAsync(IProgress<(string StateName, long Done, long Total)>? progress, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var read = new Dictionary<string, long>(StringComparer.Ordinal);
        var written = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var projector in projectors.All)
        {
            foreach (var table in projector.Tables) written[table.Name] = 0;
            await ClearAsync(projector.Tables, ct);
            var total = await CountStatesAsync(projector.StateName, ct);
            long done = 0;
            progress?.Report((projector.StateName, 0, total));
            string? after = null;
            while (true)
            {
                var page = await ReadPageAsync(projector.StateName, after, ct);
                if (page.Count == 0) break;
                var rows = page.SelectMany(s => projector.Project(GrainId.Parse(s.GrainId).Key.ToString()!, projector.Deserialize(serializer, s.Payload))).ToList();
                await WriteAsync(rows, ct);
                foreach (var row in rows.OfType<ProjectionWrite.UpsertRow>()) written[row.Table.Name]++;
                done += page.Count;
                after = page[^1].GrainId;
                progress?.Report((projector.StateName, done, total));
            }

            read[projector.StateName] = done;
        }

        if (projectors.Totals.Count > 0)
        {
            await RecomputeTotalsAsync(ct);
            foreach (var target in projectors.Totals.Select(t => t.Target.Name).Distinct(StringComparer.Ordinal))
                written[target] = await CountRowsAsync(target, ct);
        }

        var counted = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in written.Keys) counted[table] = await CountRowsAsync(table, ct);
        return new RebuildReport(read, written, counted, clock.Elapsed);
    }

    private async Task ClearAsync(IReadOnlyList<ProjectionTable> tables, CancellationToken ct)
    {
        await using var turn = await database.EnterWriteAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await database.Dialect.BeginWriteTransactionAsync(connection, ct);
        foreach (var table in tables)
        {
            await using var delete = database.CreateCommand(connection, transaction, $"DELETE FROM {table.Name}");
            await delete.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private async Task RecomputeTotalsAsync(CancellationToken ct)
    {
        await using var turn = await database.EnterWriteAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await database.Dialect.BeginWriteTransactionAsync(connection, ct);
        await _totals.RecomputeTotalsAsync(connection, transaction);
        await transaction.CommitAsync(ct);
    }

    private async Task WriteAsync(IReadOnlyList<ProjectionWrite> rows, CancellationToken ct)
    {
        await using var turn = await database.EnterWriteAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await database.Dialect.BeginWriteTransactionAsync(connection, ct);
        await _writer.WriteRowsAsync(connection, transaction, rows);
        await transaction.CommitAsync(ct);
    }

    private async Task DropStatesAsync(IReadOnlyList<string> stateNames, CancellationToken ct)
    {
        if (stateNames.Count == 0) return;
        await using var turn = await database.EnterWriteAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        foreach (var name in stateNames)
        {
            await using var delete = database.CreateCommand(connection, null, "DELETE FROM grain_state WHERE state_name = @name", ("@name", name));
            await delete.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task<long> CountStatesAsync(string stateName, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var count = database.CreateCommand(connection, null,
            "SELECT COUNT(*) FROM grain_state WHERE state_name = @name AND payload IS NOT NULL", ("@name", stateName));
        return Convert.ToInt64(await count.ExecuteScalarAsync(ct));
    }

    private async Task<long> CountRowsAsync(string table, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var count = database.CreateCommand(connection, null, $"SELECT COUNT(*) FROM {table}");
        return Convert.ToInt64(await count.ExecuteScalarAsync(ct));
    }

    private async Task<List<(string GrainId, BinaryData Payload)>> ReadPageAsync(string stateName, string? after, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using DbCommand command = database.CreateCommand(connection, null,
            "SELECT grain_id, payload FROM grain_state WHERE state_name = @name AND payload IS NOT NULL AND grain_id > @after " +
            "ORDER BY grain_id LIMIT @limit",
            ("@name", stateName), ("@after", after ?? ""), ("@limit", (long)PageSize));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var page = new List<(string, BinaryData)>();
        while (await reader.ReadAsync(ct)) page.Add((reader.GetString(0), new BinaryData(reader.GetFieldValue<byte[]>(1))));
        return page;
    }
}

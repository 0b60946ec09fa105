using System.Data.Common;
using System.Runtime.CompilerServices;

namespace AgriLink.Storage.Changes;

/// <summary>
/// Keeps <c>county_totals</c> (and the other totals tables, <see cref="RunningTotals.Target"/>) by delta: around one state's projection writes it reads the contributions of the entities
/// they touch (before, then after, inside the same transaction) and adds the differences to the transaction's pending
/// deltas; <see cref="FlushAsync"/> applies them once, just before commit, in key order, so concurrent transactions
/// (PostgreSQL, several silos) lock the shared county rows in the same order and cannot deadlock on them.
/// </summary>
internal sealed class TotalsWriter(AgriLinkDatabase database, IReadOnlyList<RunningTotals> totals)
{
    // Table and column names are the targets' constants, never input.
    private static string AddSql(ProjectionTable t) =>
        $"INSERT INTO {t.Name} ({t.Columns[0]}, figure, value) VALUES (@county, @figure, @value) " +
        $"ON CONFLICT ({t.Columns[0]}, figure) DO UPDATE SET value = {t.Name}.value + excluded.value";

    // A figure that came back to zero leaves no row, as a rebuild writes none: the table equals a rebuild row for row.
    // Only the row just moved is looked at, so a transaction never locks a county row it did not move (PostgreSQL).
    private static string DropZeroSql(ProjectionTable t) => $"DELETE FROM {t.Name} WHERE {t.Columns[0]} = @county AND figure = @figure AND value = 0";

    private readonly Dictionary<string, ProjectionTable> _targets =
        totals.Select(t => t.Target).DistinctBy(t => t.Name).ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Entities read per statement: a declaration's thousands of household lines cost a few round trips, not one each.</summary>
    private const int Batch = 500;

    private readonly ConditionalWeakTable<DbTransaction, SortedDictionary<(string Table, string County, string Figure), long>> _pending = new();

    public bool IsEmpty => totals.Count == 0;

    /// <summary>The entities <paramref name="rows"/> touch and their contributions now (before the rows are written).</summary>
    public async Task<Bracket?> BeforeAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ProjectionWrite> rows)
    {
        var touched = new List<(RunningTotals Totals, SortedSet<string> Keys)>();
        foreach (var definition in totals)
        {
            var keys = await TouchedAsync(connection, transaction, definition, rows);
            if (keys.Count > 0) touched.Add((definition, keys));
        }

        if (touched.Count == 0) return null;
        if (database.Dialect.EntityLocksSql is { } lockSql)
        {
            // Two writers touching one entity (a household's trade and its status) must not both read its old contribution.
            // One statement takes the locks of a batch, in key order.
            foreach (var chunk in touched.SelectMany(t => t.Keys.Select(k => t.Totals.Name + ":" + k)).Order(StringComparer.Ordinal).Chunk(Batch))
            {
                await using var command = database.CreateCommand(connection, transaction, lockSql, ("@keys", chunk));
                await command.ExecuteNonQueryAsync();
            }
        }

        var deltas = Pending(transaction);
        foreach (var (definition, keys) in touched) await AddContributionsAsync(connection, transaction, definition, keys, deltas, sign: -1);
        return new Bracket(touched);
    }

    /// <summary>Adds the touched entities' contributions after the write.</summary>
    public async Task AfterAsync(DbConnection connection, DbTransaction transaction, Bracket bracket)
    {
        var deltas = Pending(transaction);
        foreach (var (definition, keys) in bracket.Touched) await AddContributionsAsync(connection, transaction, definition, keys, deltas, sign: +1);
    }

    /// <summary>Applies the transaction's deltas (last, before its commit).</summary>
    public async Task FlushAsync(DbConnection connection, DbTransaction transaction)
    {
        if (!_pending.TryGetValue(transaction, out var deltas)) return;
        _pending.Remove(transaction);
        foreach (var ((table, county, figure), value) in deltas)
        {
            if (value == 0) continue;
            var target = _targets[table];
            await using (var add = database.CreateCommand(connection, transaction, AddSql(target), ("@county", county), ("@figure", figure), ("@value", value)))
                await add.ExecuteNonQueryAsync();
            await using var drop = database.CreateCommand(connection, transaction, DropZeroSql(target), ("@county", county), ("@figure", figure));
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Every figure again from the projection rows (a rebuild): the same queries over every entity.</summary>
    public async Task RecomputeAsync(DbConnection connection, DbTransaction transaction)
    {
        foreach (var target in _targets.Keys)
        {
            await using var clear = database.CreateCommand(connection, transaction, $"DELETE FROM {target}");
            await clear.ExecuteNonQueryAsync();
        }
        var all = new SortedDictionary<(string, string, string), long>(TotalsOrder);
        foreach (var definition in totals) await AddRowsAsync(connection, transaction, definition, definition.ForAll, [], all, sign: +1);
        _pending.AddOrUpdate(transaction, all);
        await FlushAsync(connection, transaction);
    }

    private SortedDictionary<(string Table, string County, string Figure), long> Pending(DbTransaction transaction) =>
        _pending.GetValue(transaction, _ => new SortedDictionary<(string, string, string), long>(TotalsOrder));

    /// <summary>Rows in ordinal order (table, key, figure): every writer locks shared rows in the same order.</summary>
    private static readonly IComparer<(string Table, string Key, string Figure)> TotalsOrder = Comparer<(string Table, string Key, string Figure)>.Create((a, b) =>
        string.CompareOrdinal(a.Table, b.Table) is not 0 and var t ? t
        : string.CompareOrdinal(a.Key, b.Key) is not 0 and var k ? k
        : string.CompareOrdinal(a.Figure, b.Figure));

    private async Task AddContributionsAsync(
        DbConnection connection, DbTransaction transaction, RunningTotals definition, IEnumerable<string> keys,
        SortedDictionary<(string, string, string), long> deltas, int sign)
    {
        foreach (var chunk in keys.Chunk(Batch))
        {
            var parameters = chunk.Select((key, i) => ("@k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), (object?)key)).ToArray();
            await AddRowsAsync(connection, transaction, definition, definition.ForMany(chunk.Length), parameters, deltas, sign);
        }
    }

    private async Task AddRowsAsync(
        DbConnection connection, DbTransaction transaction, RunningTotals definition, string sql, (string, object?)[] parameters,
        SortedDictionary<(string, string, string), long> deltas, int sign)
    {
        await using var command = database.CreateCommand(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var county = reader.GetString(0);
            for (var i = 0; i < definition.Figures.Count; i++)
            {
                if (await reader.IsDBNullAsync(i + 1)) continue;
                var value = Convert.ToInt64(reader.GetValue(i + 1), System.Globalization.CultureInfo.InvariantCulture);
                var slot = (definition.Target.Name, county, definition.Figures[i]);
                deltas[slot] = deltas.GetValueOrDefault(slot) + sign * value;
            }
        }
    }

    private async Task<SortedSet<string>> TouchedAsync(DbConnection connection, DbTransaction transaction, RunningTotals definition, IReadOnlyList<ProjectionWrite> rows)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var expanded = new HashSet<(TotalsTrigger, string, string?)>();
        foreach (var row in rows)
        {
            foreach (var trigger in definition.Triggers)
            {
                if (!string.Equals(trigger.Table, row.Table.Name, StringComparison.Ordinal)) continue;
                var (value, guard) = row switch
                {
                    ProjectionWrite.UpsertRow upsert => (Column(upsert, trigger.Column), trigger.GuardColumn is null ? null : Column(upsert, trigger.GuardColumn) ?? ""),
                    ProjectionWrite.DeleteRows delete when delete.Column == trigger.Column => (Convert.ToString(delete.Value, System.Globalization.CultureInfo.InvariantCulture), ""),
                    _ => (null, null),
                };
                if (value is null) continue;
                if (trigger.ExpandSql is null)
                {
                    keys.Add(value);
                    continue;
                }

                if (!expanded.Add((trigger, value, guard))) continue;
                await using var command = trigger.GuardColumn is null
                    ? database.CreateCommand(connection, transaction, trigger.ExpandSql, ("@key", value))
                    : database.CreateCommand(connection, transaction, trigger.ExpandSql, ("@key", value), ("@guard", guard));
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    if (!await reader.IsDBNullAsync(0)) keys.Add(reader.GetString(0));
            }
        }

        return keys;
    }

    private static string? Column(ProjectionWrite.UpsertRow row, string column)
    {
        var index = IndexOf(row.Table.Columns, column);
        return index < 0 ? null : Convert.ToString(row.Values[index], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int IndexOf(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
            if (string.Equals(columns[i], column, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>The entities one state's writes touch, to read again once they are written.</summary>
    public sealed record Bracket(IReadOnlyList<(RunningTotals Totals, SortedSet<string> Keys)> Touched);
}

namespace AgriLink.Storage.Changes;

/// <summary>
/// Figures a dashboard shows per county, kept as rows of <c>county_totals</c> (county, figure, value) instead of being
/// aggregated over the province on every view. Each figure is a sum of what single entities (a cooperative, a listing,
/// an order, a household) contribute, and <see cref="ContributionSql"/> computes those contributions from the projection
/// rows. A write that touches an entity moves the totals by its contribution after the write minus before, in the same
/// transaction: a replayed write moves nothing, a status change moves exactly what the status decides, and a rebuild,
/// which runs the same query over every entity, finds the same totals. <see cref="Target"/> names the table of (key, figure,
/// value) rows the totals go to: <c>county_totals</c> unless given (a listing's sales go to <c>listing_totals</c>).
/// </summary>
public sealed class RunningTotals
{
    /// <summary>Where <see cref="ContributionSql"/> takes the entity filter (<c>AND key = @key</c>, or nothing for all).</summary>
    public const string KeyFilter = "{key}";

    public RunningTotals(string name, string keyColumn, IReadOnlyList<string> figures, string contributionSql, IReadOnlyList<TotalsTrigger> triggers,
        ProjectionTable? target = null)
    {
        target ??= Projections.ProjectionTables.CountyTotals;
        if (target.Columns.Count != 3 || target.Key.Count != 2 || target.Columns[1] != "figure" || target.Columns[2] != "value")
            throw new ArgumentException($"The totals of '{name}' go to a table of (key, figure, value) rows.", nameof(target));
        Target = target;
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!contributionSql.Contains(KeyFilter, StringComparison.Ordinal))
            throw new ArgumentException($"The contribution query of '{name}' must hold {KeyFilter}.", nameof(contributionSql));
        Name = name;
        KeyColumn = keyColumn;
        Figures = figures;
        ContributionSql = contributionSql;
        Triggers = triggers;
    }

    /// <summary>The table of (key, figure, value) rows the totals are kept in.</summary>
    public ProjectionTable Target { get; }

    /// <summary>The kind of entity (for locks and messages).</summary>
    public string Name { get; }

    /// <summary>The qualified column the query filters one entity by.</summary>
    public string KeyColumn { get; }

    /// <summary>The figure names, in the order of the query's value columns (after the county).</summary>
    public IReadOnlyList<string> Figures { get; }

    /// <summary>
    /// Rows of (the target's key, e.g. the county code, one value per figure) GROUPED BY that key, with <see cref="KeyFilter"/> in its WHERE clause;
    /// every value cast to a 64-bit integer.
    /// </summary>
    public string ContributionSql { get; }

    /// <summary>Which projection writes touch which entities.</summary>
    public IReadOnlyList<TotalsTrigger> Triggers { get; }

    /// <summary>
    /// The summed contributions of <paramref name="count"/> entities at once, bound as <c>@k0</c> … (the query groups by
    /// county, so a batch answers what its entities' queries one by one would add up to).
    /// </summary>
    public string ForMany(int count) => ContributionSql.Replace(KeyFilter,
        $"AND {KeyColumn} IN ({string.Join(", ", Enumerable.Range(0, count).Select(i => "@k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})",
        StringComparison.Ordinal);

    public string ForAll => ContributionSql.Replace(KeyFilter, "", StringComparison.Ordinal);
}

/// <summary>
/// A projection write to <see cref="Table"/> touches the entity whose key is the row's <see cref="Column"/> (an upsert,
/// or a delete by that column). With <see cref="ExpandSql"/>, the row's column value is <c>@key</c> of a query that lists
/// the entities touched instead (read before the write): a cooperative moved to another county touches its listings.
/// <see cref="GuardColumn"/>, when set, binds the new row's value of that column as <c>@guard</c> (an empty string for a
/// delete), so the query can list nothing when the value did not change.
/// </summary>
public sealed record TotalsTrigger(string Table, string Column, string? ExpandSql = null, string? GuardColumn = null);

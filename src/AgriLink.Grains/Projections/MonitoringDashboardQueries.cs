using AgriLink.Domain.Codes;
using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>
/// The 防返贫监测 dashboards of a province, prefecture, county, township or village, counted in SQL from
/// <c>monitoring_cases</c> and <c>households</c>: cases by the next area down and stage, by category, by channel, the overdue
/// ones, and the households without a village code. Each count reads an index range of the area (county codes begin with
/// their prefecture's and province's), never the rows of other areas; the answer is a few dozen rows. The measures taken
/// and the outcomes by month are the area's own rows of <c>monitoring_totals</c> (<see cref="MonitoringFigures"/>); the
/// income of monitored households by year is the area's index range of <c>monitored_incomes</c>.
/// </summary>
public sealed class MonitoringDashboardQueries(AgriLinkDatabase database)
{
    public async Task<MonitoringDashboard> For(string area, DateTimeOffset now)
    {
        var parameters = new DynamicParameters(new { area });
        parameters.Add("now", database.Dialect.ToDbTimestamp(now));
        var (scope, households) = Scope(area, parameters);
        var below = area.Length switch { AreaCode.County => "township_code", AreaCode.Township or AreaCode.Village => "village_code", _ => "county_code" };
        await using var connection = await database.OpenAsync();
        var stages = await connection.QueryAsync<DashboardCount>(
            $"SELECT {below} AS Area, stage AS \"Key\", COUNT(*) AS Count FROM monitoring_cases WHERE {scope} GROUP BY {below}, stage ORDER BY 1, 2", parameters);
        var overdue = await connection.QueryAsync<DashboardCount>(
            $"SELECT {below} AS Area, 'overdue' AS \"Key\", COUNT(*) AS Count FROM monitoring_cases WHERE {scope} AND due_by < @now GROUP BY {below} ORDER BY 1", parameters);
        var categories = await connection.QueryAsync<DashboardCount>(
            $"SELECT '' AS Area, category AS \"Key\", COUNT(*) AS Count FROM monitoring_cases WHERE {scope} AND category IS NOT NULL GROUP BY category ORDER BY 2", parameters);
        var channels = await connection.QueryAsync<DashboardCount>(
            $"SELECT '' AS Area, channel AS \"Key\", COUNT(*) AS Count FROM monitoring_cases WHERE {scope} GROUP BY channel ORDER BY 2", parameters);
        var unplaced = households is null ? 0
            : await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM households WHERE {households} AND village_code IS NULL", parameters);
        var totals = (await connection.QueryAsync<(string Key, string Figure, long Value)>(
            "SELECT area_key, figure, value FROM monitoring_totals WHERE area_key = @area OR (area_key > @monthsFrom AND area_key < @monthsTo)",
            new { area, monthsFrom = area + MonitoringFigures.MonthSeparator, monthsTo = area + (char)(MonitoringFigures.MonthSeparator + 1) })).AsList();
        return new MonitoringDashboard(area, [.. stages, .. overdue], categories.AsList(), channels.AsList(), unplaced,
            Measures(totals.Where(t => t.Key == area).ToDictionary(t => t.Figure, t => t.Value, StringComparer.Ordinal)),
            Outcomes(totals.Where(t => t.Key != area)), await Incomes(connection, area));
    }

    /// <summary>The measures of each kind the area's households received, and how many households received that kind.</summary>
    private static IReadOnlyList<MeasureFigure> Measures(Dictionary<string, long> totals) =>
        Enum.GetValues<Domain.Monitoring.MeasureKind>()
            .Select(k => new MeasureFigure(k.ToString(), totals.GetValueOrDefault(MonitoringFigures.MeasuresPrefix + k),
                totals.GetValueOrDefault(MonitoringFigures.HouseholdsPrefix + k)))
            .Where(m => m.Measures > 0)
            .ToList();

    /// <summary>The cases whose risk was eliminated (风险消除), and those dismissed, per month (China time), oldest first.</summary>
    private static IReadOnlyList<OutcomeFigure> Outcomes(IEnumerable<(string Key, string Figure, long Value)> totals) =>
        totals.GroupBy(t => t.Key[(t.Key.IndexOf(MonitoringFigures.MonthSeparator, StringComparison.Ordinal) + 1)..], StringComparer.Ordinal)
            .Select(g => new OutcomeFigure(g.Key, g.Where(t => t.Figure == MonitoringFigures.Eliminated).Sum(t => t.Value),
                g.Where(t => t.Figure == MonitoringFigures.Dismissed).Sum(t => t.Value)))
            .OrderBy(o => o.Month, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The monitored households' per-capita income by year: how many are known, the median (the mean of the two middle
    /// figures when their number is even, rounded down to the fen), how many were under the line, and the line. Read from
    /// the area's own index range of <c>monitored_incomes</c> (one row per household and year in each area it lies in); the
    /// median reads up to half the year's entries of that range, never a table row.
    /// </summary>
    private static async Task<IReadOnlyList<IncomeFigure>> Incomes(System.Data.Common.DbConnection connection, string area)
    {
        var years = (await connection.QueryAsync<(long Year, long Households, long UnderLine, long LineFen)>(
            "SELECT year, COUNT(*), CAST(SUM(CASE WHEN per_capita_fen < line_fen THEN 1 ELSE 0 END) AS BIGINT), MAX(line_fen) " +
            "FROM monitored_incomes WHERE area = @area GROUP BY year ORDER BY year", new { area })).AsList();
        var figures = new List<IncomeFigure>();
        foreach (var y in years)
        {
            var middle = (await connection.QueryAsync<long>(
                "SELECT per_capita_fen FROM monitored_incomes WHERE area = @area AND year = @year ORDER BY per_capita_fen LIMIT @take OFFSET @skip",
                new { area, year = y.Year, take = y.Households % 2 == 0 ? 2L : 1L, skip = (y.Households - 1) / 2 })).AsList();
            figures.Add(new IncomeFigure((int)y.Year, y.Households, (long)Math.Floor(middle.Average(m => (decimal)m)), y.UnderLine, y.LineFen));
        }
        return figures;
    }

    /// <summary>
    /// A page of the area's households without a village code, by id (keyset): they are on no cadre's or township's list
    /// until one is set. Counties and the regions above them only (below the county a household without a code is nowhere).
    /// </summary>
    public async Task<IReadOnlyList<VillageHousehold>> WithoutVillageCode(string area, string? after, int limit)
    {
        var parameters = new DynamicParameters(new { area, after = after ?? "", limit = (long)limit });
        if (Scope(area, parameters).Households is not { } households) return [];
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<VillageHousehold>(
            $"SELECT id AS Id, head_name AS HeadName, village AS Village FROM households WHERE {households} AND village_code IS NULL AND id > @after " +
            "ORDER BY id LIMIT @limit", parameters)).AsList();
    }

    /// <summary>The area as a condition on the cases, and on the households when the area is a county or above (else null).</summary>
    private (string Cases, string? Households) Scope(string area, DynamicParameters parameters)
    {
        switch (area.Length)
        {
            case AreaCode.County: return ("county_code = @area", "county_code = @area");
            case AreaCode.Township: return ("township_code = @area", null);
            case AreaCode.Village: return ("village_code = @area", null);
            default:
                var (condition, value) = database.Dialect.StartsWith("county_code", "@prefix", area);
                parameters.Add("prefix", value);
                return (condition, condition);
        }
    }
}

/// <summary>
/// One count of a dashboard: the area it belongs to (the next level down, or empty for the whole), what it counts and how
/// many. Settable, so Dapper fills it from either engine (SQLite types a column by its first row's value, NULL included).
/// </summary>
public sealed class DashboardCount
{
    public string? Area { get; set; }
    public string Key { get; set; } = "";
    public long Count { get; set; }
}

/// <summary>
/// An area's 防返贫监测 figures: cases by the next area down and stage (and <c>overdue</c>), by category once confirmed, by
/// discovery channel, and how many of its households have no village code yet (counties and above).
/// </summary>
public sealed record MonitoringDashboard(
    string Area, IReadOnlyList<DashboardCount> ByArea, IReadOnlyList<DashboardCount> ByCategory, IReadOnlyList<DashboardCount> ByChannel,
    long HouseholdsWithoutVillageCode, IReadOnlyList<MeasureFigure> Measures, IReadOnlyList<OutcomeFigure> Outcomes, IReadOnlyList<IncomeFigure> Incomes);

/// <summary>Assistance measures of one kind in an area: how many were taken, and for how many households.</summary>
public sealed record MeasureFigure(string Kind, long Measures, long Households);

/// <summary>One month's (China time, <c>yyyy-MM</c>) cases whose risk was eliminated (风险消除) and cases dismissed.</summary>
public sealed record OutcomeFigure(string Month, long Eliminated, long Dismissed);

/// <summary>
/// A year's per-capita income of an area's monitored households (fen): how many are known, their median, how many were under
/// the line, and the line per person.
/// </summary>
public sealed record IncomeFigure(int Year, long Households, long MedianFen, long UnderLine, long LineFen)
{
    /// <summary>The share under the line in basis points, rounded down.</summary>
    public int UnderLineBasisPoints => Households == 0 ? 0 : (int)(UnderLine * 10_000 / Households);
}

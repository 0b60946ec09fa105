using AgriLink.Domain.Codes;
using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>
/// The 防返贫监测 dashboards of a province, prefecture, county, township or village, counted in SQL from
/// <c>monitoring_cases</c> and <c>households</c>: cases by the next area down and stage, by category, by channel, the overdue
/// ones, and the households without a village code. Each count reads an index range of the area (county codes begin with
/// their prefecture's and province's), never the rows of other areas; the answer is a few dozen rows.
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
        return new MonitoringDashboard(area, [.. stages, .. overdue], categories.AsList(), channels.AsList(), unplaced);
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
    long HouseholdsWithoutVillageCode);

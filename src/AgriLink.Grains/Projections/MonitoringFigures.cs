using AgriLink.Domain.Monitoring;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Projections;

/// <summary>
/// The 防返贫监测 dashboards' running totals in <c>monitoring_totals</c> (<see cref="RunningTotals"/>), kept for every area
/// at once (province, prefecture, county, township, village: each query lists a household's rows under all five codes), so
/// a dashboard reads its own few rows whatever the size of the province:
/// <list type="bullet">
/// <item>what one household's measures contribute: the measures of each kind, and 1 per kind it received at all (the
/// households helped; a household helped again in a later case still counts once);</item>
/// <item>what one case's outcome contributes, under <c>{area}|{yyyy-MM}</c>: risk eliminated (风险消除) or dismissed in that
/// month.</item>
/// </list>
/// </summary>
public static class MonitoringFigures
{
    public const string MeasuresPrefix = "measures:";
    public const string HouseholdsPrefix = "measure-households:";
    public const string Eliminated = "eliminated";
    public const string Dismissed = "dismissed";

    /// <summary>Between an area and the month in an outcome's key; after every digit, so an area's months are one key range.</summary>
    public const char MonthSeparator = '|';

    private static readonly MeasureKind[] Kinds = Enum.GetValues<MeasureKind>();

    public static RunningTotals OfMeasures { get; } = new("monitoring-measures", "m.household_id",
        [.. Kinds.Select(k => MeasuresPrefix + k), .. Kinds.Select(k => HouseholdsPrefix + k)],
        "SELECT x.area_key, " +
        string.Join(", ", Kinds.Select(k => $"CAST(SUM(CASE WHEN x.kind = '{k}' THEN 1 ELSE 0 END) AS BIGINT)")) + ", " +
        string.Join(", ", Kinds.Select(k => $"CAST(COUNT(DISTINCT CASE WHEN x.kind = '{k}' THEN x.household_id END) AS BIGINT)")) +
        " FROM (" + EveryLevel("m", "", "m.kind, m.household_id", "monitoring_measures") + ") x GROUP BY x.area_key",
        [new(ProjectionTables.MonitoringMeasures.Name, "household_id")],
        ProjectionTables.MonitoringTotals);

    public static RunningTotals OfOutcomes { get; } = new("monitoring-outcomes", "o.case_id", [Eliminated, Dismissed],
        $"SELECT x.area_key, CAST(SUM(CASE WHEN x.outcome = '{CaseStage.RiskEliminated}' THEN 1 ELSE 0 END) AS BIGINT), " +
        $"CAST(SUM(CASE WHEN x.outcome = '{CaseStage.Dismissed}' THEN 1 ELSE 0 END) AS BIGINT) " +
        "FROM (" + EveryLevel("o", $" || '{MonthSeparator}' || o.month", "o.outcome", "monitoring_outcomes") + ") x GROUP BY x.area_key",
        [new(ProjectionTables.MonitoringOutcomes.Name, "case_id")],
        ProjectionTables.MonitoringTotals);

    public static IReadOnlyList<RunningTotals> All { get; } = [OfMeasures, OfOutcomes];

    /// <summary>The rows of <paramref name="table"/> once per area level (the key filter in each), as <c>area_key</c> and <paramref name="columns"/>.</summary>
    private static string EveryLevel(string alias, string suffix, string columns, string table)
    {
        string Level(string area, string condition) =>
            $"SELECT {area}{suffix} AS area_key, {columns} FROM {table} {alias} WHERE {condition} {RunningTotals.KeyFilter}";
        return string.Join(" UNION ALL ",
            Level($"substr({alias}.county_code, 1, 2)", "1 = 1"),
            Level($"substr({alias}.county_code, 1, 4)", "1 = 1"),
            Level($"{alias}.county_code", "1 = 1"),
            Level($"{alias}.township_code", $"{alias}.township_code IS NOT NULL"),
            Level($"{alias}.village_code", $"{alias}.village_code IS NOT NULL"));
    }
}

using AgriLink.Domain.Codes;
using AgriLink.Domain.Monitoring;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Monitoring;

/// <summary>
/// A case's rows: for the lists of its county, township and village by stage and due date; and for the dashboards, its
/// measures, its outcome (risk eliminated or dismissed, by month) and its household's incomes by year, once per area level.
/// Private: read only by the case's own officers and, as counts, by the dashboards.
/// </summary>
internal sealed class MonitoringCaseProjector : StateProjector<MonitoringCaseState>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public override string StateName => "monitoring-case";

    public override IReadOnlyList<ProjectionTable> Tables =>
        [ProjectionTables.MonitoringCases, ProjectionTables.MonitoringMeasures, ProjectionTables.MonitoringOutcomes, ProjectionTables.MonitoredIncomes];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, MonitoringCaseState state)
    {
        if (state.Case is not { } c) yield break;
        var township = AreaCode.TownshipOf(state.VillageCode);
        yield return ProjectionTables.MonitoringCases.Upsert(grainKey, c.HouseholdId, state.HeadName, state.CountyCode, state.Township, state.Village,
            c.Channel.ToString(), c.Stage.ToString(), c.Category?.ToString(), c.OpenedAt, c.StageSince, state.DueBy, state.Warning?.Code,
            township, state.VillageCode);
        // Measures are only ever added: each keeps its position, so a rewrite upserts the same rows.
        for (var i = 0; i < c.Measures.Count; i++)
            yield return ProjectionTables.MonitoringMeasures.Upsert(grainKey, (long)i, c.HouseholdId, state.CountyCode, township, state.VillageCode,
                c.Measures[i].Kind.ToString(), c.Measures[i].Start);
        if (Outcome(c) is { } outcome)
            yield return ProjectionTables.MonitoringOutcomes.Upsert(grainKey, outcome.Kind, outcome.At.ToOffset(China).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                state.CountyCode, township, state.VillageCode);
        if (state.Incomes.Count == 0) yield break;
        yield return ProjectionTables.MonitoredIncomes.DeleteWhere("case_id", grainKey);
        foreach (var area in Areas(state.CountyCode, township, state.VillageCode))
            foreach (var income in state.Incomes)
                yield return ProjectionTables.MonitoredIncomes.Upsert(area, (long)income.Year, grainKey, income.PerCapitaFen, income.LineFen);
    }

    /// <summary>How the case ended its risk, and when: the county's elimination (kept once closed), or a dismissal.</summary>
    private static (string Kind, DateTimeOffset At)? Outcome(MonitoringCase c) =>
        c.Steps.LastOrDefault(s => s.To is CaseStage.RiskEliminated or CaseStage.Dismissed) is { } step
            ? (step.To.ToString(), step.At)
            : null;

    /// <summary>Every area the household lies in, province first: the dashboards of each read their own rows.</summary>
    internal static IEnumerable<string> Areas(string countyCode, string? townshipCode, string? villageCode)
    {
        yield return countyCode[..2];
        yield return countyCode[..4];
        yield return countyCode;
        if (townshipCode is not null) yield return townshipCode;
        if (villageCode is not null) yield return villageCode;
    }
}

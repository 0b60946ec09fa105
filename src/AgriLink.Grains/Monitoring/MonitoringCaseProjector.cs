using AgriLink.Domain.Codes;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Monitoring;

/// <summary>A case's row: for the lists of its county, township and village by stage and due date. Private: read only by the case's own officers.</summary>
internal sealed class MonitoringCaseProjector : StateProjector<MonitoringCaseState>
{
    public override string StateName => "monitoring-case";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.MonitoringCases];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, MonitoringCaseState state) =>
        state.Case is { } c
            ? [ProjectionTables.MonitoringCases.Upsert(grainKey, c.HouseholdId, state.HeadName, state.CountyCode, state.Township, state.Village,
                c.Channel.ToString(), c.Stage.ToString(), c.Category?.ToString(), c.OpenedAt, c.StageSince, state.DueBy, state.Warning?.Code,
                AreaCode.TownshipOf(state.VillageCode), state.VillageCode)]
            : [];
}

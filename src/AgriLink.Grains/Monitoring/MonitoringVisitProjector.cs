using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Monitoring;

/// <summary>A visit's row, for its cadre's list (newest first). Private like the cases: never on a public page.</summary>
internal sealed class MonitoringVisitProjector : StateProjector<MonitoringVisitState>
{
    public override string StateName => "monitoring-visit";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.MonitoringVisits];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, MonitoringVisitState state) =>
        state.Visit is { } v
            ? [ProjectionTables.MonitoringVisits.Upsert(grainKey, v.Cadre, v.Visit.HouseholdId, v.HeadName, v.CountyCode, v.VillageCode, v.Village,
                v.Visit.VisitedOn, v.Visit.FoundRisk, v.CaseId, v.Visit.Note, v.RecordedAt)]
            : [];
}

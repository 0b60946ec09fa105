using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Households;

/// <summary>A household's row: where it lives and its current poverty status, for lists by county, village and status.</summary>
internal sealed class HouseholdProjector : StateProjector<HouseholdState>
{
    public override string StateName => "household";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.Households];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, HouseholdState state) =>
        state.Profile is { } p
            ? [ProjectionTables.Households.Upsert(grainKey, p.HeadName, p.CountyCode, p.Township, p.Village, (long)p.People,
                HouseholdGrain.CurrentStatus(state).ToString(), state.RegisteredAt, p.VillageCode)]
            : [];
}

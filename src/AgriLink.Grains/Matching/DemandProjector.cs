using AgriLink.Grains.Projections;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Matching;

/// <summary>A demand's row for its buyer's list, written with every write of the demand (its notifications stay in the grain).</summary>
internal sealed class DemandProjector : StateProjector<DemandState>
{
    public override string StateName => "demand";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.Demands];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, DemandState state) =>
        state is { Spec: { } spec, BuyerId: { } buyerId }
            ? [ProjectionTables.Demands.Upsert(grainKey, buyerId, spec.Title, spec.Category?.ToString(), state.Status.ToString(),
                ColumnValues.Text(spec.Quantity), spec.Unit.ToString(), spec.DeliverBy, state.PostedAt, (long)state.Revision)]
            : [];
}

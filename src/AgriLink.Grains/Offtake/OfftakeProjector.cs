using AgriLink.Grains.Projections;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Offtake;

/// <summary>A contract's row for both parties' lists: its window, status and how much was delivered so far.</summary>
internal sealed class OfftakeProjector : StateProjector<OfftakeContractState>
{
    public override string StateName => "offtake-contract";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.OfftakeContracts];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, OfftakeContractState state) =>
        state is { Terms: { } terms, EnterpriseId: { } enterpriseId, CooperativeId: { } cooperativeId }
            ? [ProjectionTables.OfftakeContracts.Upsert(grainKey, enterpriseId, cooperativeId, terms.Product, state.Status.ToString(),
                terms.DeliveryStart, terms.DeliveryEnd, ColumnValues.Text(terms.Quantity), ColumnValues.Text(state.Deliveries.Sum(d => d.Quantity)))]
            : [];
}

using AgriLink.Domain.Quotas;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Quotas;

/// <summary>A budget unit's year as the dashboard lists it: declared or not, its quota, and the certified purchases counted.</summary>
internal sealed class BuyerQuotaProjector : StateProjector<BuyerQuotaState>
{
    public override string StateName => "buyer-quota";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.BuyerQuotas];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, BuyerQuotaState state)
    {
        var key = BuyerYear.Parse(grainKey);
        var quota = state.Declared ? Quota.QuotaFen(state.CanteenFoodBudgetFen, state.ReserveRateBasisPoints) : 0;
        var counted = checked(state.OwnFen + state.UnionFen + state.EmployeeFen);
        return [ProjectionTables.BuyerQuotas.Upsert(grainKey, key.BuyerId, key.Year, state.Declared, state.CanteenFoodBudgetFen,
            state.Declared ? state.ReserveRateBasisPoints : 0, quota, counted, state.OwnFen, state.UnionFen, state.EmployeeFen)];
    }
}

using AgriLink.Storage.Changes;
using AgriLink.Grains.Reviews;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.AfterSales;

/// <summary>A case as its row of <c>aftersales_cases</c>, sorted by request time then key (newest first in the lists).</summary>
internal sealed class AfterSalesProjector : StateProjector<AfterSalesState>
{
    public override string StateName => "aftersales";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.AfterSalesCases];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, AfterSalesState state)
    {
        if (state.Case is not { } c) yield break;
        yield return ProjectionTables.AfterSalesCases.Upsert(grainKey, c.OrderId, c.CooperativeId, c.BuyerId, c.Status.ToString(), c.PaidFen, c.RequestedFen,
            c.ProposedFen, c.AgreedFen, c.ByCard, c.Reason, c.RefundReference, c.RequestedAt, c.UpdatedAt, ReviewProjector.SortKey(c.RequestedAt, grainKey));
    }
}

namespace AgriLink.Domain.Matching;

/// <summary>
/// A proposal to fill <see cref="Required"/> base units. <see cref="Covered"/> may exceed it by less than one listing step
/// (a thousandth of that listing's unit); <see cref="Shortfall"/> is what no combination of the options can supply.
/// </summary>
public sealed record SplitPlan(long Required, IReadOnlyList<SplitAllocation> Allocations, long Covered, long Shortfall)
{
    public bool Covers => Shortfall == 0 && Allocations.Count > 0;

    public int Suppliers => Allocations.Select(a => a.SupplierId).Distinct(StringComparer.Ordinal).Count();
}

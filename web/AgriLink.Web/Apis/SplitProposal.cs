using AgriLink.Domain.Quantities;

namespace AgriLink.Web.Apis;

/// <summary>
/// How to fill a demand from several cooperatives with the fewest suppliers. <see cref="Covers"/> false: the eligible
/// listings cannot supply it all, and <see cref="Shortfall"/> (in the demand's unit) says by how much.
/// </summary>
public sealed record SplitProposal(
    string DemandId,
    decimal Quantity,
    Unit Unit,
    bool Covers,
    decimal Covered,
    decimal Shortfall,
    int Suppliers,
    long TotalFen,
    IReadOnlyList<SplitLine> Lines,
    string Explanation);

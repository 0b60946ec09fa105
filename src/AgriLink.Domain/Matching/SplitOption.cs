namespace AgriLink.Domain.Matching;

/// <summary>
/// One listing a split may draw on, in integer base units (<see cref="MatchUnits"/>): at most <see cref="Available"/>,
/// at least <see cref="MinOrder"/> if used at all, in multiples of <see cref="Step"/> (what one thousandth of the listing's
/// unit is in base units). <see cref="SupplierId"/> is the cooperative: the split minimises distinct suppliers.
/// </summary>
public sealed record SplitOption(string ListingId, string SupplierId, long Available, long MinOrder, long Step, decimal Score);

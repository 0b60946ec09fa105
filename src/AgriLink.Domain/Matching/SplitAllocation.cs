namespace AgriLink.Domain.Matching;

/// <summary>How much of one listing a split takes, in base units.</summary>
public sealed record SplitAllocation(string ListingId, string SupplierId, long Quantity);

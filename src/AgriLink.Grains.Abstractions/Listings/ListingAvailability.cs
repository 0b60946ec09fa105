using AgriLink.Domain.Listings;

namespace AgriLink.Grains.Listings;

/// <summary>A listing's committed status, available stock and minimum order: enough to tell an order it cannot be served.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ListingAvailability")]
public sealed record ListingAvailability(
    [property: Id(0)] ListingStatus Status,
    [property: Id(1)] decimal Stock,
    [property: Id(2)] decimal MinOrder);

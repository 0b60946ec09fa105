using AgriLink.Domain.Listings;

namespace AgriLink.Grains.Listings;

/// <summary>
/// A listing's committed status, available stock and minimum order: enough to tell an order it cannot be served.
/// <see cref="HeldForOrder"/>: the listing already holds stock for the asking order (its reservation was stored, but the
/// order's own write was lost, e.g. with a killed silo); placing that order again gets the same hold back.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ListingAvailability")]
public sealed record ListingAvailability(
    [property: Id(0)] ListingStatus Status,
    [property: Id(1)] decimal Stock,
    [property: Id(2)] decimal MinOrder,
    [property: Id(3)] bool HeldForOrder = false);

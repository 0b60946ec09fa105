using AgriLink.Domain.Listings;

namespace AgriLink.Grains.Matching;

/// <summary>A listing just published or restocked, as committed at row version <see cref="Version"/>.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ListingOffer")]
public sealed record ListingOffer(
    [property: Id(0)] string ListingId,
    [property: Id(1)] string CooperativeId,
    [property: Id(2)] ListingDraft Draft,
    [property: Id(3)] ListingStatus Status,
    [property: Id(4)] bool PovertyCertified,
    [property: Id(5)] long Version,
    [property: Id(6)] string Trigger);

using AgriLink.Domain.Listings;

namespace AgriLink.Grains.Listings;

[GenerateSerializer, Immutable, Alias("AgriLink.ListingDetails")]
public sealed record ListingDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string CooperativeId,
    [property: Id(2)] ListingDraft Draft,
    [property: Id(3)] ListingStatus Status,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt);

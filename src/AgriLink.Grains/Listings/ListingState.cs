using AgriLink.Domain.Listings;

namespace AgriLink.Grains.Listings;

[GenerateSerializer, Alias("AgriLink.ListingState")]
public sealed record ListingState
{
    [Id(0)] public string? CooperativeId { get; init; }
    [Id(1)] public ListingDraft? Draft { get; init; }
    [Id(2)] public ListingStatus Status { get; init; }
    [Id(3)] public DateTimeOffset CreatedAt { get; init; }
    [Id(4)] public DateTimeOffset UpdatedAt { get; init; }
}

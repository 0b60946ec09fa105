using System.Collections.Immutable;
using AgriLink.Domain.Listings;

namespace AgriLink.Grains.Listings;

/// <summary>
/// A listing as stored. <see cref="ListingDraft.Stock"/> is the stock still available: holds are already taken out.
/// Immutable (records and immutable collections) because the grain writes one snapshot while deciding the next.
/// </summary>
[GenerateSerializer, Alias("AgriLink.ListingState")]
public sealed record ListingState
{
    [Id(0)] public string? CooperativeId { get; init; }
    [Id(1)] public ListingDraft? Draft { get; init; }
    [Id(2)] public ListingStatus Status { get; init; }
    [Id(3)] public DateTimeOffset CreatedAt { get; init; }
    [Id(4)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Stock held for orders not yet paid or confirmed, by order id, with the terms granted.</summary>
    [Id(5)] public ImmutableDictionary<string, ReservedLine> Holds { get; init; } = ImmutableDictionary<string, ReservedLine>.Empty;

    /// <summary>扶贫产品认定 as the platform granted it; null when never granted or revoked.</summary>
    [Id(6)] public PovertyCertification? Poverty { get; init; }

    [Id(7)] public ImmutableList<CertificationChange> CertificationHistory { get; init; } = ImmutableList<CertificationChange>.Empty;

    /// <summary>The photos in display order, the cover first; at most <see cref="Domain.Photos.PhotoAlbum.MaxPhotos"/>.</summary>
    [Id(8)] public ImmutableList<Domain.Photos.Photo> Photos { get; init; } = ImmutableList<Domain.Photos.Photo>.Empty;
}

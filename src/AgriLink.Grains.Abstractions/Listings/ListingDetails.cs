using AgriLink.Domain.Listings;

namespace AgriLink.Grains.Listings;

/// <summary>
/// A listing. <c>Draft.Stock</c> is what can still be ordered; <see cref="Held"/> is held for unpaid orders on top of it.
/// <see cref="PovertyCertification"/> is the platform's 扶贫产品认定 (null: not certified), with every grant and revocation in
/// <see cref="CertificationHistory"/>; the producer's own certifications are in <c>Draft.Certifications</c>. Outside the
/// cooperative's admins <c>Draft.ProducerIds</c> is empty (household ids are not public) and <see cref="Producers"/> names
/// the producing households masked (王**). <see cref="Photos"/> are in display order, the cover first.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ListingDetails")]
public sealed record ListingDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string CooperativeId,
    [property: Id(2)] ListingDraft Draft,
    [property: Id(3)] ListingStatus Status,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] decimal Held = 0,
    [property: Id(7)] int HoldCount = 0,
    [property: Id(8)] PovertyCertification? PovertyCertification = null,
    [property: Id(9)] IReadOnlyList<CertificationChange>? CertificationHistory = null,
    [property: Id(10)] IReadOnlyList<string>? Producers = null,
    [property: Id(11)] IReadOnlyList<Domain.Photos.Photo>? Photos = null);

namespace AgriLink.Domain.Listings;

/// <summary>A certification the producer holds for the product, as printed on its certificate.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ClaimedCertification")]
public sealed record ClaimedCertification(
    [property: Id(0)] CertificationKind Kind,
    [property: Id(1)] string CertificateNumber,
    [property: Id(2)] DateOnly? ValidUntil = null);

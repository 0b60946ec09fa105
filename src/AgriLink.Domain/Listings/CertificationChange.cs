namespace AgriLink.Domain.Listings;

/// <summary>One grant or revocation of 扶贫产品认定, kept for the record.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CertificationChange")]
public sealed record CertificationChange(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] bool Granted,
    [property: Id(2)] string CertificateNumber,
    [property: Id(3)] string By,
    [property: Id(4)] string? Reason = null);

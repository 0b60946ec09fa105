using AgriLink.Domain.Cooperatives;

namespace AgriLink.Grains.Cooperatives;

/// <summary>A cooperative's admission status, its county (which county officers recommend it) and every step taken.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CooperativeAdmission")]
public sealed record CooperativeAdmission(
    [property: Id(0)] string CooperativeId,
    [property: Id(1)] string CountyCode,
    [property: Id(2)] AdmissionStatus Status,
    [property: Id(3)] bool MaySell,
    [property: Id(4)] IReadOnlyList<AdmissionChange> History);

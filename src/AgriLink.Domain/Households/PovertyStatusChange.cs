namespace AgriLink.Domain.Households;

[GenerateSerializer, Immutable, Alias("AgriLink.PovertyStatusChange")]
public sealed record PovertyStatusChange(
    [property: Id(0)] PovertyStatus Status,
    [property: Id(1)] DateOnly EffectiveOn,
    [property: Id(2)] string Reason,
    [property: Id(3)] string RecordedBy);

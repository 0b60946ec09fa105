namespace AgriLink.Domain.Cooperatives;

/// <summary>One step of a cooperative's admission: who did what, when and why.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.AdmissionChange")]
public sealed record AdmissionChange(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] AdmissionAction Action,
    [property: Id(2)] AdmissionStatus From,
    [property: Id(3)] AdmissionStatus To,
    [property: Id(4)] string By,
    [property: Id(5)] string? Note = null,
    [property: Id(6)] AdmissionSuspensionReason? SuspensionReason = null);

using AgriLink.Domain.Offtake;

namespace AgriLink.Grains.Offtake;

/// <summary>A step in a contract's life: who moved it to which status, when, and why.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.OfftakeEvent")]
public sealed record OfftakeEvent(
    [property: Id(0)] OfftakeStatus Status,
    [property: Id(1)] string Actor,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? Reason = null);

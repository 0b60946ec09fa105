namespace AgriLink.Domain.Shares;

/// <summary>A preferred share became an ordinary per-head share of the same household.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.PreferredConverted")]
public sealed record PreferredConverted(long Sequence, DateOnly Date, string Actor, string Reason, [property: Id(0)] string HoldingId)
    : ShareEvent(Sequence, Date, Actor, Reason);

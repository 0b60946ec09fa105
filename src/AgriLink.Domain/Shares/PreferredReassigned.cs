namespace AgriLink.Domain.Shares;

/// <summary>
/// A preferred share left a household that exited poverty and was split among the households still
/// registered poor; the new holdings' shares and valuations sum exactly to the old one's.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.PreferredReassigned")]
public sealed record PreferredReassigned(
    long Sequence, DateOnly Date, string Actor, string Reason,
    [property: Id(0)] string FromHoldingId,
    [property: Id(1)] IReadOnlyList<Holding> NewHoldings)
    : ShareEvent(Sequence, Date, Actor, Reason);

namespace AgriLink.Domain.Shares;

/// <summary>
/// <see cref="Shares"/> moved from <see cref="FromHoldingId"/> into the new holding <see cref="Received"/>;
/// its valuation and land area left the source with it (the source is removed when emptied).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.SharesTransferred")]
public sealed record SharesTransferred(
    long Sequence, DateOnly Date, string Actor, string Reason,
    [property: Id(0)] string FromHoldingId,
    [property: Id(1)] long Shares,
    [property: Id(2)] Holding Received)
    : ShareEvent(Sequence, Date, Actor, Reason);

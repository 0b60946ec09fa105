namespace AgriLink.Domain.Shares;

/// <summary>
/// A noticed withdrawal took effect: dated the day after the fiscal year end, so the register at the year
/// end still holds the member for that year's distribution. <see cref="SubsidyFormedFen"/> is the part of
/// <see cref="ValuationFen"/> formed from state subsidies, which the charter, not the member, disposes of.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.SharesWithdrawn")]
public sealed record SharesWithdrawn(
    long Sequence, DateOnly Date, string Actor, string Reason,
    [property: Id(0)] string ShareholderId,
    [property: Id(1)] IReadOnlyList<string> HoldingIds,
    [property: Id(2)] long ValuationFen,
    [property: Id(3)] long SubsidyFormedFen)
    : ShareEvent(Sequence, Date, Actor, Reason);

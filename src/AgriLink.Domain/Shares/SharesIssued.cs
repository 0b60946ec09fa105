namespace AgriLink.Domain.Shares;

[GenerateSerializer, Immutable, Alias("AgriLink.SharesIssued")]
public sealed record SharesIssued(long Sequence, DateOnly Date, string Actor, string Reason, [property: Id(0)] Holding Holding)
    : ShareEvent(Sequence, Date, Actor, Reason);

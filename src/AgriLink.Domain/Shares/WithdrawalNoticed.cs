namespace AgriLink.Domain.Shares;

/// <summary>
/// A shareholder gave written notice to withdraw (退社). Membership ends at the close of
/// <see cref="EffectiveOn"/>, a fiscal year end; <see cref="RolledOver"/> says the notice came too late
/// for the nearest year end and so takes effect at the next one.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.WithdrawalNoticed")]
public sealed record WithdrawalNoticed(
    long Sequence, DateOnly Date, string Actor, string Reason,
    [property: Id(0)] string ShareholderId,
    [property: Id(1)] DateOnly EffectiveOn,
    [property: Id(2)] bool RolledOver)
    : ShareEvent(Sequence, Date, Actor, Reason);

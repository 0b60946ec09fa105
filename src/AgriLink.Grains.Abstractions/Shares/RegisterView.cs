using AgriLink.Domain.Shares;

namespace AgriLink.Grains.Shares;

[GenerateSerializer, Immutable, Alias("AgriLink.RegisterView")]
public sealed record RegisterView(
    [property: Id(0)] string CooperativeId,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] IReadOnlyList<Holding> Holdings,
    [property: Id(3)] IReadOnlyList<WithdrawalNoticed> PendingWithdrawals,
    [property: Id(4)] long LastSequence);

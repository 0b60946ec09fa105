using System.Collections.Immutable;

namespace AgriLink.Domain.Shares;

/// <summary>
/// What the register decides with, without its history: the holdings, the holding ids and certificate numbers ever used
/// (never reused), each shareholder's kind, the pending withdrawal notices, and the number and date of the last entry.
/// The history itself is stored entry by entry beside it.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ShareRegisterSnapshot")]
public sealed record ShareRegisterSnapshot(
    [property: Id(0)] IReadOnlyList<Holding> Holdings,
    [property: Id(1)] IReadOnlyList<string> UsedHoldingIds,
    [property: Id(2)] IReadOnlyList<string> UsedCertificates,
    [property: Id(3)] ImmutableDictionary<string, ShareholderKind> Kinds,
    [property: Id(4)] IReadOnlyList<WithdrawalNoticed> Pending,
    [property: Id(5)] long LastSequence,
    [property: Id(6)] DateOnly? LastDate);

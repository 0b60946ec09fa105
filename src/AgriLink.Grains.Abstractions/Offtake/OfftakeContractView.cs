using AgriLink.Domain.Offtake;

namespace AgriLink.Grains.Offtake;

/// <summary>The contract with its history and its settlement as of <see cref="AsOf"/>.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.OfftakeContractView")]
public sealed record OfftakeContractView(
    [property: Id(0)] string Id,
    [property: Id(1)] string EnterpriseId,
    [property: Id(2)] string CooperativeId,
    [property: Id(3)] OfftakeTerms Terms,
    [property: Id(4)] OfftakeStatus Status,
    [property: Id(5)] IReadOnlyList<OfftakeEvent> History,
    [property: Id(6)] OfftakeSettlement Settlement,
    [property: Id(7)] DateOnly AsOf);

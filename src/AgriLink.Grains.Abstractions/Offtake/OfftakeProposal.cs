using AgriLink.Domain.Offtake;

namespace AgriLink.Grains.Offtake;

/// <summary>An enterprise's proposal to a cooperative.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.OfftakeProposal")]
public sealed record OfftakeProposal(
    [property: Id(0)] string EnterpriseId,
    [property: Id(1)] string CooperativeId,
    [property: Id(2)] OfftakeTerms Terms);

namespace AgriLink.Domain.Assemblies;

/// <summary>The votes cast on one resolution (weighted: a member with additional votes casts them all one way).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ResolutionCount")]
public sealed record ResolutionCount(
    [property: Id(0)] int Yes,
    [property: Id(1)] int No,
    [property: Id(2)] int Abstain)
{
    public int Cast => Yes + No + Abstain;
}

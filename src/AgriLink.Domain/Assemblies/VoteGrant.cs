namespace AgriLink.Domain.Assemblies;

/// <summary>One member's votes at an assembly: the basic vote and the additional votes granted under the cap.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.VoteGrant")]
public sealed record VoteGrant(
    [property: Id(0)] string MemberId,
    [property: Id(1)] int Requested,
    [property: Id(2)] int Additional)
{
    public int Votes => 1 + Additional;
}

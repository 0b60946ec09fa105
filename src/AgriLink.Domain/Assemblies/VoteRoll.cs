namespace AgriLink.Domain.Assemblies;

/// <summary>
/// Who votes at an assembly and with how many votes, fixed when the assembly is called and shown to it before each vote.
/// <see cref="Seats"/> is the number of basic votes: every member's, or at a representative assembly the representatives'.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.VoteRoll")]
public sealed record VoteRoll(
    [property: Id(0)] int Seats,
    [property: Id(1)] int AdditionalCap,
    [property: Id(2)] IReadOnlyList<VoteGrant> Grants,
    [property: Id(3)] bool Representative = false)
{
    /// <summary>All votes of the assembly: one per seat plus every additional vote granted.</summary>
    public int TotalVotes => Seats + AdditionalVotes;

    public int AdditionalVotes => Grants.Sum(g => g.Additional);

    public int VotesOf(string memberId) => 1 + (Grants.FirstOrDefault(g => g.MemberId == memberId)?.Additional ?? 0);
}

namespace AgriLink.Domain.Assemblies;

/// <summary>Whether a resolution passed, and the figures and rule that decided it (in Chinese, for the notice board).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ResolutionOutcome")]
public sealed record ResolutionOutcome(
    [property: Id(0)] bool Passed,
    [property: Id(1)] int YesVotes,
    [property: Id(2)] int TotalVotes,
    [property: Id(3)] string Rule,
    [property: Id(4)] string Explanation);

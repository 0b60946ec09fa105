namespace AgriLink.Domain.Matching;

/// <summary>
/// Why a listing cannot serve the demand at all: a stable <see cref="Code"/>, a zh-CN explanation, and the
/// <see cref="Arguments"/> its template (<see cref="MatchExplanations"/>) is worded from (null from an older caller).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.MatchExclusion")]
public sealed record MatchExclusion(
    [property: Id(0)] string Code,
    [property: Id(1)] string Explanation,
    [property: Id(2)] IReadOnlyList<MatchArgument>? Arguments = null);

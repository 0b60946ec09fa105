namespace AgriLink.Domain.Matching;

/// <summary>Why a listing cannot serve the demand at all: a stable <see cref="Code"/> and a zh-CN explanation.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.MatchExclusion")]
public sealed record MatchExclusion(
    [property: Id(0)] string Code,
    [property: Id(1)] string Explanation);

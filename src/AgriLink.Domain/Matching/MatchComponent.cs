namespace AgriLink.Domain.Matching;

/// <summary>
/// One part of a match score. <see cref="Component"/> is the part (relevance, quantity, price, delivery, poverty, pairing,
/// quota), <see cref="Code"/> the stable reason (<c>price.within-ceiling</c>), <see cref="Explanation"/> the same in zh-CN
/// words with the figures behind it, and <see cref="Arguments"/> those figures and names, for wording the code's
/// template (<see cref="MatchExplanations"/>) in another language (null from a caller older than arguments).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.MatchComponent")]
public sealed record MatchComponent(
    [property: Id(0)] string Component,
    [property: Id(1)] string Code,
    [property: Id(2)] decimal Points,
    [property: Id(3)] decimal MaxPoints,
    [property: Id(4)] string Explanation,
    [property: Id(5)] IReadOnlyList<MatchArgument>? Arguments = null);

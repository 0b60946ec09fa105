namespace AgriLink.Domain.Matching;

/// <summary>
/// A listing scored for a demand: <see cref="Score"/> is 0–100 (the components' points over their maxima), every
/// component explained. <see cref="Exclusions"/> is empty for an eligible match. <see cref="Available"/> and
/// <see cref="MinOrder"/> are in the demand's unit (null when the units do not convert).
/// </summary>
public sealed record MatchResult(
    string ListingId,
    string CooperativeId,
    string Title,
    decimal Score,
    IReadOnlyList<MatchComponent> Components,
    IReadOnlyList<MatchExclusion> Exclusions,
    decimal? Available,
    decimal? MinOrder)
{
    public bool Eligible => Exclusions.Count == 0;
}

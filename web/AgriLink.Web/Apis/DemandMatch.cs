using AgriLink.Domain.Matching;
using AgriLink.Domain.Quantities;

namespace AgriLink.Web.Apis;

/// <summary>
/// A listing ranked for a demand: the score (0–100), each component with its code, zh-CN explanation and arguments, and any hard
/// exclusions. <see cref="Available"/> and <see cref="MinOrder"/> are in the demand's unit. <see cref="FoundByWords"/> is false
/// for a listing of the demand's category that its words did not find (compared, ranked, and split only when the listings the
/// words found cannot cover the quantity).
/// </summary>
public sealed record DemandMatch(
    string ListingId,
    string CooperativeId,
    string Title,
    decimal Score,
    bool Eligible,
    long PriceFen,
    Unit Unit,
    decimal Stock,
    decimal ListingMinOrder,
    string CountyCode,
    bool PovertyCertified,
    decimal? Available,
    decimal? MinOrder,
    IReadOnlyList<MatchComponent> Components,
    IReadOnlyList<MatchExclusion> Exclusions,
    bool FoundByWords = true);

namespace AgriLink.Domain.Matching;

/// <summary>
/// What a score depends on beyond the demand and the listing: today (China time), the best relevance among the
/// candidates (to normalise against) and the buyer's quota (null: not known, and the quota component is left out).
/// </summary>
public sealed record MatchContext(DateOnly Today, double TopRelevance, QuotaStanding? Quota = null);

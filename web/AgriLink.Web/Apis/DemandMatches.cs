using AgriLink.Domain.Matching;

namespace AgriLink.Web.Apis;

/// <summary>
/// The ranked matches for a demand. <see cref="Excluded"/> counts the candidates left out for a hard reason; they are
/// listed (with their reasons) only when asked (<c>?explainExcluded=true</c>).
/// </summary>
public sealed record DemandMatches(string DemandId, int Candidates, int Excluded, QuotaStanding? Quota, IReadOnlyList<DemandMatch> Items);

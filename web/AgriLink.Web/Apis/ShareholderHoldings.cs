using AgriLink.Domain.Shares;

namespace AgriLink.Web.Apis;

public sealed record ShareholderHoldings(string CooperativeId, string CooperativeName, IReadOnlyList<Holding> Holdings);

using AgriLink.Domain.Shares;

namespace AgriLink.Web.Apis;

public sealed record HouseholdHoldings(string CooperativeId, string CooperativeName, IReadOnlyList<Holding> Holdings);

using AgriLink.Domain.Dividends;

namespace AgriLink.Web.Apis;

public sealed record ExplainedComponent(DividendComponentKind Kind, string? HoldingId, long AmountFen, string Explanation);

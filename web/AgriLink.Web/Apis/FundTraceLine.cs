using AgriLink.Domain.Dividends;

namespace AgriLink.Web.Apis;

public sealed record FundTraceLine(string ShareholderId, string HoldingId, DividendComponentKind Kind, long AmountFen, string LedgerKey);

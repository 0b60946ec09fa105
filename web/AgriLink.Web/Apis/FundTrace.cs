using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;

namespace AgriLink.Web.Apis;

/// <summary>
/// From a quantified fiscal fund (or 特惠贷 loan) to the shares it formed and every fen of dividend
/// they earned in one year, with the ledger transfers that paid them: what fund oversight asks for.
/// </summary>
public sealed record FundTrace(
    string FundId, int FiscalYear, IReadOnlyList<Holding> Holdings, IReadOnlyList<FundTraceLine> Dividends,
    long TotalFen, DeclarationStatus Status);

using AgriLink.Domain.Codes;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Households;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Projections;

namespace AgriLink.Web.Pages.Operator;

/// <summary>
/// Poor households reached and the income they received, by county: pure arithmetic over households, trade and dividend
/// lines, so a plain test checks every fen; the dashboard reads the same figures from the running totals
/// (<see cref="CountyFigures.OfPoorHouseholds"/>), and tests hold the two equal.
/// </summary>
public static class HouseholdIncome
{
    /// <summary>On the poverty registers: registered poor, exited (still followed) or monitored.</summary>
    public static bool IsPoor(PovertyStatus status) => status is not PovertyStatus.NotPoor;

    /// <param name="households">Every household: id, county and current poverty status.</param>
    /// <param name="trade">Member trade records of any cooperatives and years; only marketplace sales count.</param>
    /// <param name="dividends">Dividend lines with their declaration's status; only paid and publicised ones count.</param>
    public static IReadOnlyList<HouseholdReach> ByCounty(
        IEnumerable<(string Id, string CountyCode, PovertyStatus Status)> households,
        IEnumerable<TradeRecord> trade,
        IEnumerable<(DeclarationStatus Status, DividendLine Line)> dividends) =>
        FromSales(households, trade.Where(t => t.Source == TradeSource.Marketplace && t.MemberId is not null).Select(t => (t.MemberId!, t.AmountFen)), dividends);

    /// <summary>As <see cref="ByCounty"/>, from marketplace sales already taken out of the trade records.</summary>
    /// <param name="marketplaceSales">Marketplace sales as (household, fen), in any grouping (one per delivery, or summed per household).</param>
    public static IReadOnlyList<HouseholdReach> FromSales(
        IEnumerable<(string Id, string CountyCode, PovertyStatus Status)> households,
        IEnumerable<(string HouseholdId, long Fen)> marketplaceSales,
        IEnumerable<(DeclarationStatus Status, DividendLine Line)> dividends)
    {
        var poor = households.Where(h => IsPoor(h.Status)).ToDictionary(h => h.Id, h => h.CountyCode, StringComparer.Ordinal);
        var sales = Totals(marketplaceSales, poor);
        var lines = dividends.ToList();
        var paid = Totals(lines.Where(d => d.Status == DeclarationStatus.Paid).Select(d => (d.Line.ShareholderId, d.Line.PaidFen)), poor);
        var onNotice = Totals(lines.Where(d => d.Status == DeclarationStatus.Publicised).Select(d => (d.Line.ShareholderId, d.Line.PaidFen)), poor);

        return Ordered(poor.GroupBy(p => p.Value, p => p.Key, StringComparer.Ordinal)
            .Select(county =>
            {
                var ids = county.ToList();
                return new CountyReach(county.Key, ids.Count,
                    ids.Count(id => sales.ContainsKey(id) || paid.ContainsKey(id) || onNotice.ContainsKey(id)),
                    ids.Sum(id => sales.GetValueOrDefault(id)), ids.Sum(id => paid.GetValueOrDefault(id)),
                    ids.Sum(id => onNotice.GetValueOrDefault(id)));
            }));
    }

    /// <summary>The counties' reach as the running totals hold it (<see cref="ImpactQueries.Totals"/>), named and ordered as the page shows them.</summary>
    public static IReadOnlyList<HouseholdReach> FromTotals(IEnumerable<CountyReach> totals) => Ordered(totals);

    private static IReadOnlyList<HouseholdReach> Ordered(IEnumerable<CountyReach> counties) =>
        counties.Select(c =>
            {
                Regions.TryGetCounty(c.CountyCode, out var info);
                return new HouseholdReach(c.CountyCode, info?.Name ?? c.CountyCode, c.PoorHouseholds, c.Reached, c.SalesIncomeFen,
                    c.DividendsPaidFen, c.DividendsOnNoticeFen);
            })
            .OrderByDescending(c => c.ReceivedFen + c.DividendsOnNoticeFen).ThenBy(c => c.CountyCode, StringComparer.Ordinal).ToList();

    /// <summary>Positive amounts per poor household; a household with nothing is not in the result (not reached).</summary>
    private static Dictionary<string, long> Totals(IEnumerable<(string HouseholdId, long Fen)> amounts, Dictionary<string, string> poor) =>
        amounts.Where(a => a.Fen > 0 && poor.ContainsKey(a.HouseholdId))
            .GroupBy(a => a.HouseholdId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(a => a.Fen), StringComparer.Ordinal);
}

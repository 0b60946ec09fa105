using AgriLink.Domain.Dividends;
using AgriLink.Storage.Ledger;

namespace AgriLink.Grains.Dividends;

/// <summary>
/// The ledger transfers that pay a distribution. Keys are derived from the cooperative, the year and
/// the shareholder, so a payment run that is repeated or resumed after a crash posts each one once.
/// </summary>
public static class DividendPayments
{
    /// <summary>
    /// Transfers per database transaction: large enough that commits don't dominate, small enough that
    /// SQLite's single write lock is held for well under a second.
    /// </summary>
    public const int BatchSize = 5000;

    public static string KeyPrefix(CooperativeYear key) => $"dividend:{key}:";

    /// <summary>Moves the year's surplus into the reserve and welfare funds and into dividends payable.</summary>
    public static LedgerTransfer? Appropriation(CooperativeYear key, Distribution d, DateTimeOffset at)
    {
        var coop = key.CooperativeId;
        var appropriated = d.ReserveFen + d.WelfareFen + d.TotalPaidFen;
        if (appropriated == 0) return null;
        var postings = new List<LedgerPosting> { new(LedgerAccounts.CooperativeSurplus(coop), -appropriated) };
        if (d.ReserveFen != 0) postings.Add(new(LedgerAccounts.CooperativeReserveFund(coop), d.ReserveFen));
        if (d.WelfareFen != 0) postings.Add(new(LedgerAccounts.CooperativeWelfareFund(coop), d.WelfareFen));
        if (d.TotalPaidFen != 0) postings.Add(new(LedgerAccounts.CooperativeDividendsPayable(coop), d.TotalPaidFen));
        return new LedgerTransfer(KeyPrefix(key) + "appropriation", postings, $"{key.FiscalYear} 年度盈余分配提取", at);
    }

    /// <summary>One shareholder's payment, and any guaranteed floor the cooperative could not pay and now owes.</summary>
    public static LedgerTransfer? ForLine(CooperativeYear key, DividendLine line, DateTimeOffset at)
    {
        var coop = key.CooperativeId;
        var postings = new List<LedgerPosting>();
        if (line.PaidFen != 0)
        {
            postings.Add(new(LedgerAccounts.CooperativeDividendsPayable(coop), -line.PaidFen));
            postings.Add(new(LedgerAccounts.ShareholderDividends(line.ShareholderId), line.PaidFen));
        }
        if (line.OwedFen != 0)
        {
            postings.Add(new(LedgerAccounts.CooperativeFloorsOwed(coop), -line.OwedFen));
            postings.Add(new(LedgerAccounts.ShareholderFloorsOwed(line.ShareholderId), line.OwedFen));
        }
        return postings.Count == 0
            ? null
            : new LedgerTransfer(KeyPrefix(key) + line.ShareholderId, postings, $"{key.FiscalYear} 年度分红 {coop}", at);
    }
}

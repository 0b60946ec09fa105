namespace AgriLink.Storage.Ledger;

/// <summary>
/// The ledger's account names, built in one place so every caller spells them alike. Shape:
/// <c>{owner kind}:{owner id}:{purpose}</c>. Every account of one owner shares the prefix from
/// <see cref="CooperativePrefix"/> and friends, for <see cref="ILedger.BalancesAsync"/>.
/// Ids may not contain ':' or whitespace, so one owner's prefix never matches another owner's accounts.
/// </summary>
public static class LedgerAccounts
{
    /// <summary>Every account of one cooperative: <c>coop:{id}:</c>.</summary>
    public static string CooperativePrefix(string cooperativeId) => $"coop:{Id(cooperativeId)}:";

    /// <summary>Declared dividends not yet paid out: <c>coop:{id}:dividends-payable</c>.</summary>
    public static string CooperativeDividendsPayable(string cooperativeId) => CooperativePrefix(cooperativeId) + "dividends-payable";

    /// <summary>The year's distributable surplus (可分配盈余): <c>coop:{id}:surplus</c>.</summary>
    public static string CooperativeSurplus(string cooperativeId) => CooperativePrefix(cooperativeId) + "surplus";

    /// <summary>The reserve fund (公积金) set aside from surplus: <c>coop:{id}:reserve-fund</c>.</summary>
    public static string CooperativeReserveFund(string cooperativeId) => CooperativePrefix(cooperativeId) + "reserve-fund";

    /// <summary>The welfare fund (公益金) set aside from surplus: <c>coop:{id}:welfare-fund</c>.</summary>
    public static string CooperativeWelfareFund(string cooperativeId) => CooperativePrefix(cooperativeId) + "welfare-fund";

    /// <summary>Every account of shareholders (households, collectives, enterprises): <c>holder:</c>.</summary>
    public const string ShareholderPrefixAll = "holder:";

    /// <summary>Every account of one shareholder: <c>holder:{id}:</c>.</summary>
    public static string ShareholderPrefix(string shareholderId) => $"{ShareholderPrefixAll}{Id(shareholderId)}:";

    /// <summary>Dividends paid to a shareholder: <c>holder:{id}:dividends</c>.</summary>
    public static string ShareholderDividends(string shareholderId) => ShareholderPrefix(shareholderId) + "dividends";

    /// <summary>Guaranteed floors a cooperative could not pay and carries as owed to the holder.</summary>
    public static string ShareholderFloorsOwed(string shareholderId) => ShareholderPrefix(shareholderId) + "floors-owed";

    /// <summary>The cooperative's side of <see cref="ShareholderFloorsOwed"/>: the liability it carries.</summary>
    public static string CooperativeFloorsOwed(string cooperativeId) => CooperativePrefix(cooperativeId) + "floors-owed";

    /// <summary>Every account of one quantified fiscal fund (资金变股金): <c>fund:{id}:</c>.</summary>
    public static string FundPrefix(string fundId) => $"fund:{Id(fundId)}:";

    /// <summary>
    /// Dividends earned by the shares a quantified fiscal fund formed, for tracing the fund to every fen it
    /// earned: <c>fund:{id}:dividends</c>.
    /// </summary>
    public static string FundDividends(string fundId) => FundPrefix(fundId) + "dividends";

    /// <summary>Every account of one village collective: <c>collective:{id}:</c>.</summary>
    public static string VillageCollectivePrefix(string collectiveId) => $"collective:{Id(collectiveId)}:";

    /// <summary>Coordination fees (per mu) owed to a village collective: <c>collective:{id}:fees</c>.</summary>
    public static string VillageCollectiveFees(string collectiveId) => VillageCollectivePrefix(collectiveId) + "fees";

    /// <summary>Card payments Stripe holds for the platform until they are paid out: <c>platform:stripe:clearing</c>.</summary>
    public const string StripeClearing = "platform:stripe:clearing";

    /// <summary>Card money that arrived for an order that could no longer take it, until refunded: <c>platform:stripe:unapplied</c>.</summary>
    public const string StripeUnapplied = "platform:stripe:unapplied";

    /// <summary>A cooperative's share of card sales: <c>coop:{id}:card-sales</c>.</summary>
    public static string CooperativeCardSales(string cooperativeId) => CooperativePrefix(cooperativeId) + "card-sales";

    /// <summary>Every account of one leading enterprise: <c>enterprise:{id}:</c>.</summary>
    public static string EnterprisePrefix(string enterpriseId) => $"enterprise:{Id(enterpriseId)}:";

    /// <summary>A leading enterprise's share of its cooperatives' card sales: <c>enterprise:{id}:card-share</c>.</summary>
    public static string EnterpriseCardShare(string enterpriseId) => EnterprisePrefix(enterpriseId) + "card-share";

    /// <summary>The village collective's fee on card sales: <c>collective:{id}:card-fees</c>.</summary>
    public static string VillageCollectiveCardFees(string collectiveId) => VillageCollectivePrefix(collectiveId) + "card-fees";

    /// <summary>Invoiced sales the buyer has not yet paid by bank transfer (应收账款): <c>coop:{id}:invoice-receivables</c>.</summary>
    public static string CooperativeInvoiceReceivables(string cooperativeId) => CooperativePrefix(cooperativeId) + "invoice-receivables";

    /// <summary>Sales on monthly invoices, recognised when invoiced: <c>coop:{id}:invoice-sales</c>.</summary>
    public static string CooperativeInvoiceSales(string cooperativeId) => CooperativePrefix(cooperativeId) + "invoice-sales";

    /// <summary>Bank transfers (对公转账) received for invoices: <c>coop:{id}:bank-receipts</c>.</summary>
    public static string CooperativeBankReceipts(string cooperativeId) => CooperativePrefix(cooperativeId) + "bank-receipts";

    private static string Id(string id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, name);
        if (id.Contains(':') || id.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"An id in a ledger account name may not contain ':' or whitespace; got '{id}'.", name);
        }

        return id;
    }
}

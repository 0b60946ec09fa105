namespace AgriLink.Web.Pages.Operator;

/// <summary>
/// A county's poor households (建档立卡, 脱贫户 and 监测户) and what reached them: income from marketplace sales of
/// their produce (the member trade posted when a sub-order completes) and dividends, paid or on public notice (公示).
/// </summary>
public sealed record HouseholdReach(
    string CountyCode, string CountyName, int PoorHouseholds, int Reached,
    long SalesIncomeFen, long DividendsPaidFen, long DividendsOnNoticeFen)
{
    /// <summary>Income received: sales and dividends paid (dividends on notice are not paid yet).</summary>
    public long ReceivedFen => SalesIncomeFen + DividendsPaidFen;
}

namespace AgriLink.Domain.Dividends;

/// <summary>
/// A year's surplus distribution, step by step (law Art. 44) and line by line. Whenever
/// <see cref="DistributableFen"/> is positive, the paid components of all lines sum to it exactly:
/// <c>TradePoolFen + FloorsPaidFen + SecondRoundFen = DistributableFen = TotalPaidFen</c>. Floor
/// liabilities are owed, not paid, and are reported apart in <see cref="FloorLiabilityFen"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Distribution")]
public sealed record Distribution(
    [property: Id(0)] int FiscalYear,
    [property: Id(1)] long SurplusFen,
    [property: Id(2)] long PriorLossesFen,
    [property: Id(3)] long LossesMadeGoodFen,
    [property: Id(4)] long LossesCarriedForwardFen,
    [property: Id(5)] long AfterLossesFen,
    [property: Id(6)] int ReserveRateBp,
    [property: Id(7)] long ReserveFen,
    [property: Id(8)] int WelfareRateBp,
    [property: Id(9)] long WelfareFen,
    [property: Id(10)] long DistributableFen,
    [property: Id(11)] int TradeReturnRateBp,
    [property: Id(12)] long MemberTradeFen,
    [property: Id(13)] long NonMemberTradeFen,
    [property: Id(14)] long TradePoolFen,
    [property: Id(15)] long CapitalPoolFen,
    [property: Id(16)] long FloorsDueFen,
    [property: Id(17)] long FloorsPaidFen,
    [property: Id(18)] long FloorLiabilityFen,
    [property: Id(19)] ShortfallPolicy? ShortfallApplied,
    [property: Id(20)] long SecondRoundFen,
    [property: Id(21)] long TotalShares,
    [property: Id(22)] long CoordinationFeesFen,
    [property: Id(23)] long TotalPaidFen,
    [property: Id(24)] IReadOnlyList<DividendLine> Lines,
    [property: Id(25)] IReadOnlyList<DistributionNote> Notes)
{
    public DividendLine? LineFor(string shareholderId) => Lines.FirstOrDefault(l => l.ShareholderId == shareholderId);
}

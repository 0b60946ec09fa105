using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using Xunit;
using static AgriLink.Domain.Tests.Dividends.DividendSamples;

namespace AgriLink.Domain.Tests.Dividends;

/// <summary>The numbers Guizhou villages and the law's own example published, reproduced to the fen.</summary>
public class WorkedExampleTests
{
    private const long Plenty = 100_000_000_00;

    [Theory]
    [InlineData(6_000, 400_00, 2_400_00)] // 贾西村
    [InlineData(5_000, 800_00, 4_000_00)] // 啊榔村
    [InlineData(10_000, 600_00, 6_000_00)] // 俄戛村
    public void LandFloorIsMuTimesRatePerMu(long milliMu, long perMuFen, long expected)
    {
        var charter = Charter(new FloorRule(ShareClass.LandRight, FloorKind.PerMu, perMuFen));

        var d = SurplusDistributor.Distribute(charter, Inputs(Plenty, [Land("l1", "hh-a", milliMu)]));

        var floor = d.Only("hh-a", DividendComponentKind.Floor);
        Assert.Equal(expected, floor.AmountFen);
        Assert.Equal((milliMu, perMuFen, expected), (floor.Basis.AreaMilliMu, floor.Basis.PerMuFen, floor.Basis.DueFen));
    }

    [Fact]
    public void JiaxiLandFloorIsExplainedInPlainChinese()
    {
        var d = SurplusDistributor.Distribute(Charter(new FloorRule(ShareClass.LandRight, FloorKind.PerMu, 400_00)),
            Inputs(Plenty, [Land("l1", "hh-a", 6_000)]));

        Assert.Equal("土地保底：6 亩 × 每亩 400 元 = 2,400 元", DividendExplainer.Explain(d.Only("hh-a", DividendComponentKind.Floor), "zh-CN"));
        Assert.Equal("Land floor: 6 mu × ¥400 per mu = ¥2,400", DividendExplainer.Explain(d.Only("hh-a", DividendComponentKind.Floor), "en"));
    }

    [Theory]
    [InlineData(1, 1_200_00)]
    [InlineData(2, 1_600_00)]
    [InlineData(3, 2_000_00)]
    [InlineData(4, 2_000_00)] // after the steps run out, the last rate holds
    public void Jianggu20000QuantifiedFundStepsSixEightTenPercent(int year, long expected)
    {
        var charter = Charter(new FloorRule(ShareClass.FiscalFund, FloorKind.PercentOfPrincipal, 0, [600, 800, 1_000]));

        var d = SurplusDistributor.Distribute(charter, Inputs(Plenty, [Funded("f1", "hh-a", ShareClass.FiscalFund, 20_000_00, year)]));

        var floor = d.Only("hh-a", DividendComponentKind.Floor);
        Assert.Equal(expected, floor.AmountFen);
        Assert.Equal(("fund-2021", year), (floor.Basis.FundId, floor.Basis.HoldingYear));
    }

    [Fact]
    public void JiangguFirstYearIsExplainedWithItsYear()
    {
        var charter = Charter(new FloorRule(ShareClass.FiscalFund, FloorKind.PercentOfPrincipal, 0, [600, 800, 1_000]));
        var d = SurplusDistributor.Distribute(charter, Inputs(Plenty, [Funded("f1", "hh-a", ShareClass.FiscalFund, 20_000_00)]));

        Assert.Equal("财政资金股保底：本金 20,000 元 × 6% = 1,200 元（入股第 1 年）",
            DividendExplainer.Explain(d.Only("hh-a", DividendComponentKind.Floor), "zh-CN"));
    }

    [Fact]
    public void Jiaxi50000PovertyLoanShareAtSixPercentEarns3000()
    {
        var charter = Charter(new FloorRule(ShareClass.LoanBacked, FloorKind.PercentOfPrincipal, 600));

        var d = SurplusDistributor.Distribute(charter, Inputs(Plenty, [Funded("t1", "hh-a", ShareClass.LoanBacked, 50_000_00)]));

        Assert.Equal(3_000_00, d.Only("hh-a", DividendComponentKind.Floor).AmountFen);
    }

    [Fact]
    public void BunaTenPercentOfProfitPerMuTimesMu()
    {
        var charter = Charter(new FloorRule(ShareClass.LandRight, FloorKind.PercentOfProfitPerMu, 1_000));

        var d = SurplusDistributor.Distribute(charter, Inputs(Plenty, [Land("l1", "hh-a", 6_000)]) with { ProfitPerMuFen = 1_000_00 });

        var floor = d.Only("hh-a", DividendComponentKind.Floor);
        Assert.Equal(600_00, floor.AmountFen);
        Assert.Equal("土地保底：每亩利润 1,000 元 × 10% × 6 亩 = 600 元", DividendExplainer.Explain(floor, "zh"));
    }

    [Fact]
    public void LawExampleSplits400000IntoReserveTradeAndCapital()
    {
        var charter = Charter() with { ReserveRateBp = 1_000 };
        var inputs = Inputs(400_000_00, [Funded("c1", "hh-a", ShareClass.Cash, 10_000_00)], new MemberTrade("hh-b", 1_000_000_00));

        var d = SurplusDistributor.Distribute(charter, inputs);

        Assert.Equal(40_000_00, d.ReserveFen);
        Assert.Equal(360_000_00, d.DistributableFen);
        Assert.Equal(252_000_00, d.TradePoolFen);
        Assert.Equal(108_000_00, d.CapitalPoolFen);
        Assert.Equal(252_000_00, d.LineFor("hh-b")!.PaidFen);
        Assert.Equal(108_000_00, d.LineFor("hh-a")!.PaidFen);
        Assert.Equal(d.DistributableFen, d.TotalPaidFen);
    }

    [Fact]
    public void CoordinationFeeOf20PerMuIsDeductedFromTheFloorAndCreditedToTheCollective()
    {
        var charter = Charter(
            new FloorRule(ShareClass.LandRight, FloorKind.PerMu, 400_00),
            new FloorRule(ShareClass.LandRight, FloorKind.CoordinationFeePerMu, 20_00));

        var d = SurplusDistributor.Distribute(charter, Inputs(2_400_00, [Land("l1", "hh-a", 6_000)]));

        var deduction = d.Only("hh-a", DividendComponentKind.CollectiveDeduction);
        var fee = d.Only(Collective, DividendComponentKind.CoordinationFee);
        Assert.Equal((-120_00L, 120_00L), (deduction.AmountFen, fee.AmountFen));
        Assert.Equal(2_280_00, d.LineFor("hh-a")!.PaidFen);
        Assert.Equal(120_00, d.LineFor(Collective)!.PaidFen);
        Assert.Equal(2_400_00, d.TotalPaidFen);
        Assert.Equal("村集体协调费：6 亩 × 每亩 20 元，扣 120 元", DividendExplainer.Explain(deduction, "zh-CN"));
        Assert.Equal("协调费收入：hh-a 6 亩 × 每亩 20 元 = 120 元", DividendExplainer.Explain(fee, "zh-CN"));
    }

    [Fact]
    public void PreferredShareGetsAtLeastThePreferredFloor()
    {
        var charter = Charter(new FloorRule(ShareClass.FiscalFund, FloorKind.PercentOfPrincipal, 300));
        HoldingPosition[] holdings = [Funded("p1", "hh-a", ShareClass.FiscalFund, 20_000_00, preferred: true), Funded("f2", "hh-b", ShareClass.FiscalFund, 20_000_00)];

        var d = SurplusDistributor.Distribute(charter, Inputs(Plenty, holdings));

        var preferred = d.Only("hh-a", DividendComponentKind.Floor);
        Assert.Equal(1_000_00, preferred.AmountFen);
        Assert.True(preferred.Basis.PreferredFloor);
        Assert.Equal(600_00, d.Only("hh-b", DividendComponentKind.Floor).AmountFen);
        Assert.Equal("优先股保底：本金 20,000 元 × 5% = 1,000 元", DividendExplainer.Explain(preferred, "zh-CN"));
    }

    [Fact]
    public void HigherClassFloorIsNotCutByThePreferredFloor()
    {
        var charter = Charter(new FloorRule(ShareClass.FiscalFund, FloorKind.PercentOfPrincipal, 600));

        var d = SurplusDistributor.Distribute(charter, Inputs(Plenty, [Funded("p1", "hh-a", ShareClass.FiscalFund, 20_000_00, preferred: true)]));

        Assert.Equal(1_200_00, d.Only("hh-a", DividendComponentKind.Floor).AmountFen);
    }
}

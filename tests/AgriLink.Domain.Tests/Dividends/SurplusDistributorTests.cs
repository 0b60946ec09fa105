using AgriLink.Domain.Dividends;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Shares;
using Xunit;
using static AgriLink.Domain.Tests.Dividends.DividendSamples;

namespace AgriLink.Domain.Tests.Dividends;

public class SurplusDistributorTests
{
    [Fact]
    public void WithoutMemberTradeTheTradeShareJoinsTheCapitalPool()
    {
        var d = SurplusDistributor.Distribute(Charter(), Inputs(1_000_00, [Land("l1", "hh-a", 1_000)], new MemberTrade("hh-b", 0)));

        Assert.Equal((0L, 1_000_00L), (d.TradePoolFen, d.CapitalPoolFen));
        Assert.Equal(1_000_00, d.LineFor("hh-a")!.PaidFen);
        Assert.Null(d.LineFor("hh-b"));
        Assert.Contains(d.Notes, n => n.Code == "trade.none");
    }

    [Fact]
    public void WithoutSharesEverythingReturnsByTrade()
    {
        var d = SurplusDistributor.Distribute(Charter(), Inputs(1_000_00, [], new MemberTrade("hh-b", 3), new MemberTrade("hh-a", 1)));

        Assert.Equal(1_000_00, d.TradePoolFen);
        Assert.Equal((250_00L, 750_00L), (d.LineFor("hh-a")!.PaidFen, d.LineFor("hh-b")!.PaidFen));
    }

    [Fact]
    public void SurplusWithNobodyToReceiveItIsRefused() =>
        Assert.Equal("dividend.no-recipients",
            Assert.Throws<RuleViolationException>(() => SurplusDistributor.Distribute(Charter(), Inputs(1_00, []))).Code);

    [Fact]
    public void NonMemberTradeTakesNoPartInTheDistribution()
    {
        var inputs = Inputs(1_000_00, [Land("l1", "hh-a", 1_000)], new MemberTrade("hh-b", 5_000_00));

        var without = SurplusDistributor.Distribute(Charter(), inputs);
        var with = SurplusDistributor.Distribute(Charter(), inputs with { NonMemberTradeFen = 1_000_000_00 });

        Assert.Equivalent(without.Lines, with.Lines, strict: true);
        Assert.Contains(with.Notes, n => n.Code == "trade.non-member");
    }

    [Fact]
    public void ReserveRoundsDownAndTheFractionStaysDistributable()
    {
        var d = SurplusDistributor.Distribute(Charter() with { ReserveRateBp = 1_000, WelfareRateBp = 500 }, Inputs(99, [Land("l1", "hh-a", 1_000)]));

        // 10% of 99 fen is 9.9 → 9; 5% is 4.95 → 4; 86 fen remain to distribute.
        Assert.Equal((9L, 4L, 86L), (d.ReserveFen, d.WelfareFen, d.DistributableFen));
        Assert.Contains(d.Notes, n => n.Code == "reserve.rounding" && n.Text.Contains("rounded down", StringComparison.Ordinal));
    }

    [Fact]
    public void TradePoolRoundsUpSoItIsNeverBelowTheCharterRate()
    {
        var d = SurplusDistributor.Distribute(Charter() with { TradeReturnRateBp = 6_000 }, Inputs(1, [Land("l1", "hh-a", 1_000)], new MemberTrade("hh-b", 1)));

        Assert.Equal((1L, 0L), (d.TradePoolFen, d.CapitalPoolFen));
    }

    [Fact]
    public void SecondRoundGoesToSharesAfterFloors()
    {
        var charter = Charter(new FloorRule(ShareClass.LandRight, FloorKind.PerMu, 100_00));
        HoldingPosition[] holdings = [Land("l1", "hh-a", 1_000, shares: 1), Land("l2", "hh-b", 1_000, shares: 3)];

        var d = SurplusDistributor.Distribute(charter, Inputs(600_00, holdings));

        Assert.Equal((200_00L, 400_00L), (d.FloorsPaidFen, d.SecondRoundFen));
        Assert.Equal(100_00, d.Only("hh-a", DividendComponentKind.SecondRound).AmountFen);
        Assert.Equal(300_00, d.Only("hh-b", DividendComponentKind.SecondRound).AmountFen);
        Assert.Equal("二次分红：您有 3 股，全社 4 股分 400 元，您得 300 元", DividendExplainer.Explain(d.Only("hh-b", DividendComponentKind.SecondRound), "zh-CN"));
    }

    [Fact]
    public void DuplicateMemberTradeIsRefused()
    {
        var error = Assert.Throws<ValidationFailedException>(() =>
            SurplusDistributor.Distribute(Charter(), Inputs(1_00, [], new MemberTrade("hh-a", 1), new MemberTrade("hh-a", 2))));

        Assert.Contains("memberTrades", error.Errors.Keys);
    }

    [Fact]
    public void CoordinationFeeNeedsAVillageCollectiveToPay()
    {
        var charter = Charter(new FloorRule(ShareClass.LandRight, FloorKind.CoordinationFeePerMu, 20_00));

        var error = Assert.Throws<ValidationFailedException>(() =>
            SurplusDistributor.Distribute(charter, Inputs(1_00, [Land("l1", "hh-a", 1_000)]) with { VillageCollectiveId = null }));

        Assert.Contains("villageCollectiveId", error.Errors.Keys);
    }

    [Fact]
    public void PositionsComeFromTheRegisterAtYearEndWithHoldingYears()
    {
        var register = ShareRegister.Empty("coop-x")
            .Issue(new Holding("f1", "hh-a", ShareholderKind.Household, ShareClass.FiscalFund, 200, 20_000_00, new(2021, 5, 1), "C1", FundId: "fund-1"), "admin", "issue")
            .Issue(new Holding("c1", "hh-b", ShareholderKind.Household, ShareClass.Cash, 10, 1_000_00, new(2024, 1, 5), "C2"), "admin", "issue");

        var positions = HoldingPosition.AtYearEnd(register, 2023);

        var position = Assert.Single(positions);
        Assert.Equal(("f1", 3, 20_000_00L, "fund-1"), (position.HoldingId, position.HoldingYear, position.PrincipalFen, position.FundId));
    }
}

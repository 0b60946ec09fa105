using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using Xunit;
using static AgriLink.Domain.Tests.Dividends.DividendSamples;

namespace AgriLink.Domain.Tests.Dividends;

/// <summary>Floors of ¥2,400 and ¥4,000 (6 and 10 mu at ¥400) against a capital pool of only ¥3,200.</summary>
public class ShortfallTests
{
    private static Distribution Distribute(ShortfallPolicy policy, long surplusFen = 3_200_00) =>
        SurplusDistributor.Distribute(
            Charter(new FloorRule(ShareClass.LandRight, FloorKind.PerMu, 400_00)) with { ShortfallPolicy = policy },
            Inputs(surplusFen, [Land("l1", "hh-a", 6_000), Land("l2", "hh-b", 10_000)]));

    [Fact]
    public void ProRataCutPaysTheWholePoolInProportionToFloorsDue()
    {
        var d = Distribute(ShortfallPolicy.ProRataCut);

        Assert.Equal(ShortfallPolicy.ProRataCut, d.ShortfallApplied);
        Assert.Equal((6_400_00L, 3_200_00L, 0L), (d.FloorsDueFen, d.FloorsPaidFen, d.FloorLiabilityFen));
        Assert.Equal(1_200_00, d.LineFor("hh-a")!.PaidFen);
        Assert.Equal(2_000_00, d.LineFor("hh-b")!.PaidFen);
        Assert.DoesNotContain(d.Lines.SelectMany(l => l.Components), c => c.Kind is DividendComponentKind.FloorLiability or DividendComponentKind.SecondRound);
        Assert.Contains(d.Notes, n => n.Code == "shortfall.pro-rata-cut");
    }

    [Fact]
    public void CarryAsLiabilityPaysTheSameAndOwesTheRest()
    {
        var d = Distribute(ShortfallPolicy.CarryAsLiability);

        Assert.Equal(ShortfallPolicy.CarryAsLiability, d.ShortfallApplied);
        Assert.Equal((3_200_00L, 3_200_00L), (d.FloorsPaidFen, d.FloorLiabilityFen));
        Assert.Equal((1_200_00L, 1_200_00L), (d.LineFor("hh-a")!.PaidFen, d.LineFor("hh-a")!.OwedFen));
        Assert.Equal((2_000_00L, 2_000_00L), (d.LineFor("hh-b")!.PaidFen, d.LineFor("hh-b")!.OwedFen));
        Assert.Equal(d.DistributableFen, d.TotalPaidFen);
        Assert.Contains(d.Notes, n => n.Code == "shortfall.carried");
    }

    [Fact]
    public void CutFloorIsExplainedWithWhatWasDueAndWhatIsPaid()
    {
        var d = Distribute(ShortfallPolicy.CarryAsLiability);

        Assert.Equal(
            ["土地保底：6 亩 × 每亩 400 元 = 2,400 元；今年盈余不够，按比例实发 1,200 元", "欠发保底：1,200 元，合作社记账欠您，以后补发", "合计实发：1,200 元，另欠发 1,200 元"],
            DividendExplainer.ExplainLine(d.LineFor("hh-a")!, "zh-CN"));
    }

    [Fact]
    public void LossYearOwesEveryFloorUnderCarryAsLiability()
    {
        var d = Distribute(ShortfallPolicy.CarryAsLiability, surplusFen: -500_00);

        Assert.Equal((0L, 0L, 6_400_00L), (d.DistributableFen, d.TotalPaidFen, d.FloorLiabilityFen));
        Assert.Equal(500_00, d.LossesCarriedForwardFen);
    }

    [Fact]
    public void PriorLossesAreMadeGoodBeforeAnythingIsDistributed()
    {
        var inputs = Inputs(3_200_00, [Land("l1", "hh-a", 6_000)]) with { PriorLossesFen = 1_000_00 };

        var d = SurplusDistributor.Distribute(Charter(new FloorRule(ShareClass.LandRight, FloorKind.PerMu, 400_00)), inputs);

        Assert.Equal((1_000_00L, 0L, 2_200_00L), (d.LossesMadeGoodFen, d.LossesCarriedForwardFen, d.DistributableFen));
        Assert.Equal(2_200_00, d.LineFor("hh-a")!.PaidFen);
    }

    [Fact]
    public void CoordinationFeeIsCappedAtTheFloorActuallyPaid()
    {
        var charter = Charter(
            new FloorRule(ShareClass.LandRight, FloorKind.PerMu, 400_00),
            new FloorRule(ShareClass.LandRight, FloorKind.CoordinationFeePerMu, 20_00));

        var d = SurplusDistributor.Distribute(charter, Inputs(50_00, [Land("l1", "hh-a", 6_000)]));

        Assert.Equal(-50_00, d.Only("hh-a", DividendComponentKind.CollectiveDeduction).AmountFen);
        Assert.Equal(0, d.LineFor("hh-a")!.PaidFen);
        Assert.Equal(50_00, d.LineFor(Collective)!.PaidFen);
        Assert.Contains(d.Notes, n => n.Code == "coordination-fee.capped");
    }
}

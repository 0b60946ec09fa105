using System.Text.Json;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Shares;
using CsCheck;
using Xunit;
using static AgriLink.Domain.Dividends.DividendComponentKind;

namespace AgriLink.Domain.Tests.Dividends;

public class SurplusDistributorPropertyTests
{
    private static IEnumerable<DividendComponent> All(Distribution d) => d.Lines.SelectMany(l => l.Components);

    [Fact]
    public void PaidPartsSumToTheDistributableSurplusToTheFen() =>
        DistributionGen.Years.Sample((charter, inputs) =>
        {
            var d = SurplusDistributor.Distribute(charter, inputs);

            Assert.Equal(d.AfterLossesFen, d.ReserveFen + d.WelfareFen + d.DistributableFen);
            Assert.Equal(d.DistributableFen, All(d).Where(c => c.IsPaid).Sum(c => c.AmountFen));
            Assert.Equal(d.DistributableFen, d.TotalPaidFen);
            Assert.Equal(d.DistributableFen, d.TradePoolFen + d.FloorsPaidFen + d.SecondRoundFen);
            Assert.Equal(d.FloorLiabilityFen, All(d).Where(c => c.Kind == FloorLiability).Sum(c => c.AmountFen));
            Assert.All(d.Lines, l => Assert.Equal(l.PaidFen, l.Components.Where(c => c.IsPaid).Sum(c => c.AmountFen)));
        });

    [Fact]
    public void OnlyTheCollectiveDeductionIsNegativeAndTheCollectiveReceivesIt() =>
        DistributionGen.Years.Sample((charter, inputs) =>
        {
            var d = SurplusDistributor.Distribute(charter, inputs);

            Assert.All(All(d), c => Assert.True(c.Kind == CollectiveDeduction ? c.AmountFen < 0 : c.AmountFen >= 0, $"{c.Kind} {c.AmountFen}"));
            Assert.Equal(0, All(d).Where(c => c.Kind is CollectiveDeduction or CoordinationFee).Sum(c => c.AmountFen));
            Assert.Equal(d.CoordinationFeesFen, All(d).Where(c => c.Kind == CoordinationFee).Sum(c => c.AmountFen));
            // A deduction never takes more than the floor it comes out of.
            foreach (var deduction in All(d).Where(c => c.Kind == CollectiveDeduction))
                Assert.True(All(d).Single(c => c.Kind == Floor && c.HoldingId == deduction.HoldingId).AmountFen + deduction.AmountFen >= 0);
        });

    [Fact]
    public void MoreSharesNeverGetLessSecondRound() =>
        DistributionGen.Years.Sample((charter, inputs) =>
        {
            var seconds = SurplusDistributor.Distribute(charter, inputs).Lines.SelectMany(l => l.Components)
                .Where(c => c.Kind == SecondRound).ToArray();
            foreach (var a in seconds)
            foreach (var b in seconds)
                if (a.Basis.Shares > b.Basis.Shares)
                    Assert.True(a.AmountFen >= b.AmountFen, $"{a.HoldingId} ({a.Basis.Shares} shares) got less than {b.HoldingId} ({b.Basis.Shares})");
        });

    [Fact]
    public void DistributionIsDeterministicWhateverTheInputOrder() =>
        Gen.Select(DistributionGen.Years, Gen.Int).Sample((year, seed) =>
        {
            var (charter, inputs) = year;
            var random = new Random(seed);
            var shuffled = inputs with
            {
                Holdings = inputs.Holdings.OrderBy(_ => random.Next()).ToArray(),
                MemberTrades = inputs.MemberTrades.OrderBy(_ => random.Next()).ToArray(),
            };

            var first = JsonSerializer.Serialize(SurplusDistributor.Distribute(charter, inputs));
            Assert.Equal(first, JsonSerializer.Serialize(SurplusDistributor.Distribute(charter, inputs)));
            Assert.Equal(first, JsonSerializer.Serialize(SurplusDistributor.Distribute(charter, shuffled)));
        });

    [Fact]
    public void NoSecondRoundIsPaidUnlessEveryFloorIsPaidInFull() =>
        DistributionGen.Years.Sample((charter, inputs) =>
        {
            var d = SurplusDistributor.Distribute(charter, inputs);
            if (d.SecondRoundFen == 0) return;

            Assert.Equal(d.FloorsDueFen, d.FloorsPaidFen);
            Assert.Null(d.ShortfallApplied);
            Assert.All(All(d).Where(c => c.Kind == Floor), c => Assert.Equal(c.Basis.DueFen, c.AmountFen));
        });

    [Fact]
    public void ShortfallPaysAllOfThePoolAndOwesTheRestOnlyWhenCarried() =>
        DistributionGen.Years.Sample((charter, inputs) =>
        {
            var d = SurplusDistributor.Distribute(charter, inputs);
            if (d.ShortfallApplied is null) return;

            Assert.Equal(d.CapitalPoolFen, d.FloorsPaidFen);
            Assert.Equal(d.ShortfallApplied == ShortfallPolicy.CarryAsLiability ? d.FloorsDueFen - d.FloorsPaidFen : 0, d.FloorLiabilityFen);
        });

    [Fact]
    public void TradePoolIsAtLeastTheCharterRateAndSixtyPercentWheneverMembersTraded() =>
        DistributionGen.Years.Sample((charter, inputs) =>
        {
            var d = SurplusDistributor.Distribute(charter, inputs);
            if (d.MemberTradeFen == 0 || d.DistributableFen == 0) return;

            Assert.True((Int128)d.TradePoolFen * 10_000 >= (Int128)d.DistributableFen * 6_000);
            Assert.True((Int128)d.TradePoolFen * 10_000 >= (Int128)d.DistributableFen * charter.TradeReturnRateBp);
            // …and, where there are shares to take the rest, never a whole fen more than the rate asks.
            if (inputs.Holdings.Count > 0)
                Assert.True((Int128)(d.TradePoolFen - 1) * 10_000 < (Int128)d.DistributableFen * charter.TradeReturnRateBp);
            else
                Assert.Equal(d.DistributableFen, d.TradePoolFen);
        });

    [Fact]
    public void CharterReturningLessThanSixtyPercentByTradeIsRefused() =>
        Gen.Select(DistributionGen.Charters, Gen.Int[int.MinValue, 5_999]).Sample((charter, rate) =>
        {
            var error = Assert.Throws<ValidationFailedException>(() => (charter with { TradeReturnRateBp = rate }).Validate());
            Assert.Equal(["tradeReturnRateBp"], error.Errors.Keys);
        });

    [Fact]
    public void MemberTradeReturnsAreProportionalToVolumeWithinAFen() =>
        DistributionGen.Years.Sample((charter, inputs) =>
        {
            var d = SurplusDistributor.Distribute(charter, inputs);
            foreach (var c in All(d).Where(c => c.Kind == TradeReturn))
            {
                var exact = (Int128)d.TradePoolFen * c.Basis.TradeVolumeFen!.Value;
                Assert.True(Int128.Abs((Int128)c.AmountFen * d.MemberTradeFen - exact) < d.MemberTradeFen);
            }
        });

    [Fact]
    public void EveryComponentCanBeExplainedInBothLanguages() =>
        DistributionGen.Years.Sample((charter, inputs) =>
        {
            var d = SurplusDistributor.Distribute(charter, inputs);
            foreach (var line in d.Lines)
            {
                Assert.Equal(line.Components.Count + 1, DividendExplainer.ExplainLine(line, "zh-CN").Count);
                Assert.All(DividendExplainer.ExplainLine(line, "en"), text => Assert.False(string.IsNullOrWhiteSpace(text)));
            }
        }, iter: 20);

    [Fact]
    public void ChartersInTheGeneratorAreValid() =>
        DistributionGen.Charters.Sample(charter => charter.Validate(), iter: 50);

    [Fact]
    public void FloorRulesAreOnePerClassAndKind()
    {
        var charter = DividendSamples.Charter(
            new FloorRule(ShareClass.LandRight, FloorKind.PerMu, 400_00),
            new FloorRule(ShareClass.LandRight, FloorKind.PercentOfProfitPerMu, 1_000));

        Assert.Contains("floors", Assert.Throws<ValidationFailedException>(charter.Validate).Errors.Keys);
    }
}

using AgriLink.Domain.Listings;
using AgriLink.Domain.Matching;
using AgriLink.Domain.Quantities;
using CsCheck;
using Xunit;
using static AgriLink.Domain.Tests.Matching.MatchSamples;

namespace AgriLink.Domain.Tests.Matching;

public class MatchScoringTests
{
    private static MatchComponent Part(MatchResult r, string component) => Assert.Single(r.Components, c => c.Component == component);

    [Fact]
    public void AFittingCertifiedDeepPovertyListingIsEligibleWithEveryComponentExplained()
    {
        var result = MatchScoring.Score(Rice(), Glutinous(), Context(new QuotaStanding(true, 500_000)));

        Assert.True(result.Eligible);
        Assert.Equal(["relevance", "quantity", "price", "delivery", "poverty", "pairing", "quota"], result.Components.Select(c => c.Component));
        Assert.All(result.Components, c => Assert.False(string.IsNullOrWhiteSpace(c.Explanation)));
        Assert.Equal("quantity.full", Part(result, "quantity").Code);
        Assert.Equal(25_000m, result.Available);
        Assert.Equal("price.within-ceiling", Part(result, "price").Code);
        Assert.Contains("¥8.00/公斤", Part(result, "price").Explanation);
        Assert.Equal("poverty.certified-deep-county", Part(result, "poverty").Code);
        Assert.Contains("从江县", Part(result, "poverty").Explanation);
        // 广州 is paired with 毕节 and 黔南, not 黔东南: only the province-level pairing applies.
        Assert.Equal("pairing.province", Part(result, "pairing").Code);
        Assert.Equal("quota.counts", Part(result, "quota").Code);
        Assert.InRange(result.Score, 90m, 100m);
    }

    [Theory]
    [InlineData("category", "category.mismatch")]
    [InlineData("paused", "listing.not-on-sale")]
    [InlineData("unit", "unit.incompatible")]
    [InlineData("empty", "stock.none")]
    [InlineData("dear", "price.above-ceiling")]
    [InlineData("area", "delivery.area")]
    [InlineData("late", "delivery.harvest-late")]
    [InlineData("expired", "delivery.expired")]
    [InlineData("uncertified", "poverty.not-certified")]
    public void HardExclusionsAreExplainedNotDropped(string change, string code)
    {
        var demand = Rice(preferences: change == "uncertified" ? new DemandPreferences(CertifiedOnly: true) : null);
        var listing = Glutinous(b =>
        {
            switch (change)
            {
                case "category": b.Category = ProduceCategory.Tea; break;
                case "paused": b.OnSale = false; break;
                case "unit": b.Unit = Unit.Box; break;
                case "empty": b.Stock = 0; break;
                case "dear": b.PriceFen = 600; break;            // ¥12/公斤 over ¥10
                case "area": b.Areas = ["520000"]; break;        // Guizhou only; the canteen is in Guangzhou
                case "late": b.Harvest = Today.AddDays(60); break;
                case "expired": b.Harvest = Today.AddDays(-40); b.ShelfLife = 30; break;
                case "uncertified": b.Certified = false; break;
            }
        });

        var result = MatchScoring.Score(demand, listing, Context());

        Assert.False(result.Eligible);
        var exclusion = Assert.Single(result.Exclusions);
        Assert.Equal(code, exclusion.Code);
        Assert.False(string.IsNullOrWhiteSpace(exclusion.Explanation));
    }

    [Fact]
    public void ADearerListingUnderASoftCeilingIsScoredDownNotExcluded()
    {
        var result = MatchScoring.Score(Rice(strict: false), Glutinous(b => b.PriceFen = 600), Context());

        Assert.True(result.Eligible);
        var price = Part(result, "price");
        Assert.Equal(("price.above-ceiling", 0m), (price.Code, price.Points));
        Assert.Contains("高出20%", price.Explanation);
    }

    [Theory]
    [InlineData(50_000, "quantity.full", 15)]
    [InlineData(20_000, "quantity.partial", 7.5)]   // 10,000 公斤 of 20,000
    public void QuantityFitFollowsStockInTheDemandsUnit(decimal stockJin, string code, decimal points)
    {
        var part = Part(MatchScoring.Score(Rice(), Glutinous(b => b.Stock = stockJin), Context()), "quantity");
        Assert.Equal((code, points), (part.Code, part.Points));
    }

    [Fact]
    public void AMinimumOrderAboveTheDemandEarnsNoQuantityPoints()
    {
        var part = Part(MatchScoring.Score(Rice(quantity: 5), Glutinous(b => b.MinOrder = 20), Context()), "quantity");
        Assert.Equal(("quantity.below-minimum-order", 0m), (part.Code, part.Points));
    }

    [Theory]
    [InlineData("520502", "pairing.city", 5)]      // 七星关区, 毕节市
    [InlineData("522701", "pairing.city", 5)]      // 都匀市, 黔南州
    [InlineData("520281", "pairing.province", 2)]  // 盘州市, 六盘水市
    public void GuangzhouBuyersFavourTheirPairedPrefectures(string county, string code, decimal points)
    {
        var part = Part(MatchScoring.Score(Rice(), Glutinous(b => b.County = county), Context()), "pairing");
        Assert.Equal((code, points), (part.Code, part.Points));
    }

    [Fact]
    public void ABuyerOutsideThePairingGetsNoPairingPoints()
    {
        var demand = Rice() with { DeliveryRegionCode = "110105" };   // 北京市朝阳区
        Assert.Equal("pairing.none", Part(MatchScoring.Score(demand, Glutinous(), Context()), "pairing").Code);
    }

    [Fact]
    public void ANamedPartnerRegionEarnsTheDoubledPairingWeight()
    {
        var demand = Rice(preferences: new DemandPreferences(PartnerRegionCode: "522600"));   // 黔东南
        var part = Part(MatchScoring.Score(demand, Glutinous(), Context()), "pairing");
        Assert.Equal(("pairing.partner-region", 10m, 10m), (part.Code, part.Points, part.MaxPoints));
    }

    [Fact]
    public void PreferringDeepPovertyCountiesRanksThemFurtherAhead()
    {
        var plain = Rice();
        var prefers = Rice(preferences: new DemandPreferences(DeepPovertyCounties: true));
        var deep = Glutinous();
        var notDeep = Glutinous(b => { b.County = "520328"; b.Certified = false; });   // 湄潭县

        var gapPlain = MatchScoring.Score(plain, deep, Context()).Score - MatchScoring.Score(plain, notDeep, Context()).Score;
        var gapPrefers = MatchScoring.Score(prefers, deep, Context()).Score - MatchScoring.Score(prefers, notDeep, Context()).Score;

        Assert.True(gapPrefers > gapPlain, $"{gapPrefers} vs {gapPlain}");
        Assert.Equal(30m, Part(MatchScoring.Score(prefers, deep, Context()), "poverty").MaxPoints);
    }

    [Theory]
    [InlineData(true, 0, "quota.met", 2)]
    [InlineData(false, 0, "quota.not-declared", 0)]
    [InlineData(true, 100, "quota.counts", 5)]
    public void QuotaComponentFollowsTheRemainingQuota(bool declared, long remaining, string code, decimal points)
    {
        var part = Part(MatchScoring.Score(Rice(), Glutinous(), Context(new QuotaStanding(declared, remaining))), "quota");
        Assert.Equal((code, points), (part.Code, part.Points));
    }

    [Fact]
    public void UncertifiedProduceDoesNotCountTowardTheQuota()
    {
        var part = Part(MatchScoring.Score(Rice(), Glutinous(b => b.Certified = false), Context(new QuotaStanding(true, 100))), "quota");
        Assert.Equal(("quota.not-counted", 0m), (part.Code, part.Points));
    }

    [Fact]
    public void WithoutAKnownQuotaTheComponentIsLeftOut() =>
        Assert.DoesNotContain(MatchScoring.Score(Rice(), Glutinous(), Context()).Components, c => c.Component == "quota");

    [Theory]
    [InlineData(-10, 365, "delivery.ready", 15)]
    [InlineData(10, 365, "delivery.harvest-pending", 12)]
    [InlineData(-10, 20, "delivery.shelf-life-short", 8)]
    public void DeliveryFeasibilityWeighsHarvestAndShelfLife(int harvestInDays, int shelfLife, string code, decimal points)
    {
        var part = Part(MatchScoring.Score(Rice(), Glutinous(b => { b.Harvest = Today.AddDays(harvestInDays); b.ShelfLife = shelfLife; }), Context()), "delivery");
        Assert.Equal((code, points), (part.Code, part.Points));
    }

    [Theory]
    [InlineData(MonitoredProduce.Producer, "monitoring.producer", 10)]
    [InlineData(MonitoredProduce.CooperativeMember, "monitoring.member", 5)]
    [InlineData(MonitoredProduce.None, "monitoring.none", 0)]
    public void AMonitoredHouseholdsProduceGetsThePovertyPriority(MonitoredProduce link, string code, decimal points)
    {
        var part = Part(MatchScoring.Score(Rice(), Glutinous(b => b.Monitored = link), Context()), "monitoring");
        Assert.Equal((code, points, 10m), (part.Code, part.Points, part.MaxPoints));
    }

    [Fact]
    public void AMonitoredHouseholdsProduceRanksAboveTheSameProduceWithout()
    {
        var producer = MatchScoring.Score(Rice(), Glutinous(b => { b.Monitored = MonitoredProduce.Producer; b.Certified = false; }), Context()).Score;
        var member = MatchScoring.Score(Rice(), Glutinous(b => { b.Monitored = MonitoredProduce.CooperativeMember; b.Certified = false; }), Context()).Score;
        var none = MatchScoring.Score(Rice(), Glutinous(b => { b.Monitored = MonitoredProduce.None; b.Certified = false; }), Context()).Score;

        Assert.True(producer > member && member > none, $"{producer} > {member} > {none}");
    }

    [Fact]
    public void WithoutKnownMonitoringTheComponentIsLeftOut() =>
        Assert.DoesNotContain(MatchScoring.Score(Rice(), Glutinous(), Context()).Components, c => c.Component == "monitoring");

    [Fact]
    public void TheLinkIsTheProducersFirstThenTheCooperativesMembers()
    {
        var monitored = new HashSet<string> { "hh-a", "hh-b" };
        Assert.Equal(MonitoredProduce.Producer, MatchCandidate.LinkOf(["hh-c", "hh-b", "hh-a"], monitored));
        Assert.Equal(MonitoredProduce.CooperativeMember, MatchCandidate.LinkOf(["hh-c"], monitored));
        Assert.Equal(MonitoredProduce.CooperativeMember, MatchCandidate.LinkOf(null, monitored));
        Assert.Equal(MonitoredProduce.None, MatchCandidate.LinkOf(["hh-a"], new HashSet<string>()));
    }

    /// <summary>
    /// Issue 19's privacy: the explanation and the points go to every buyer, so they must not name a monitored household.
    /// A listing made by one household, or by two who are both monitored, would; a cooperative with one monitored member too.
    /// </summary>
    [Theory]
    [InlineData(new[] { "hh-a" }, new[] { "hh-a" }, MonitoredProduce.None)]                            // the one producer, the one monitored member
    [InlineData(new[] { "hh-a" }, new[] { "hh-a", "hh-z" }, MonitoredProduce.CooperativeMember)]       // said of the cooperative, not of the listing
    [InlineData(new[] { "hh-a", "hh-b" }, new[] { "hh-a", "hh-b" }, MonitoredProduce.CooperativeMember)] // both producers would be named
    [InlineData(new[] { "hh-a", "hh-b", "hh-c" }, new[] { "hh-a" }, MonitoredProduce.None)]           // one of three: still that one in the cooperative
    [InlineData(new[] { "hh-a", "hh-b", "hh-c" }, new[] { "hh-a", "hh-b" }, MonitoredProduce.Producer)] // two of three: which two is not said
    [InlineData(new[] { "hh-a", "hh-a", "hh-b" }, new[] { "hh-a", "hh-b" }, MonitoredProduce.CooperativeMember)] // a name twice is one household
    public void TheLinkIsSaidOnlyOfGroupsThatIdentifyNoHousehold(string[] producers, string[] monitored, MonitoredProduce expected)
    {
        var link = MatchCandidate.LinkOf(producers, monitored.ToHashSet());
        Assert.Equal(expected, link);
        var code = MatchScoring.Score(Rice(), Glutinous(b => b.Monitored = link), Context()).Components.Single(c => c.Component == "monitoring").Code;
        if (producers.Length == 1 || monitored.Length == 1) Assert.NotEqual("monitoring.producer", code);
    }

    [Fact]
    public void RelevanceIsNormalisedAgainstTheBestCandidate()
    {
        var half = Part(MatchScoring.Score(Rice(), Glutinous(b => b.Relevance = 5), Context()), "relevance");
        Assert.Equal(("relevance.partial", 12.5m), (half.Code, half.Points));
    }

    [Fact]
    public void ScoresStayBetweenZeroAndHundred() =>
        Gen.Select(Gen.Long[1, 100_000], Gen.Decimal[0, 100_000], Gen.Double[0, 20], Gen.Bool)
            .Sample((price, stock, relevance, certified) =>
            {
                var result = MatchScoring.Score(Rice(strict: false), Glutinous(b =>
                {
                    b.PriceFen = price; b.Stock = decimal.Round(stock, 3); b.Relevance = relevance; b.Certified = certified;
                }), Context(new QuotaStanding(true, 1)));
                Assert.InRange(result.Score, 0m, 100m);
                Assert.All(result.Components, c => Assert.InRange(c.Points, 0m, c.MaxPoints));
            });
}

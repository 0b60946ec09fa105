using AgriLink.Domain.Errors;
using AgriLink.Domain.Quotas;
using CsCheck;
using Xunit;

namespace AgriLink.Domain.Tests.Quotas;

public class QuotaArithmeticTests
{
    private static readonly ReserveRateFloor Guangdong = new("44", 3000);

    [Theory]
    [InlineData(1_200_000_00, 3000, 360_000_00)] // ¥1.2 million at 30%: ¥360,000
    [InlineData(1_000_01, 1000, 10_001)] // 100,001 fen × 10% = 10,000.1 → 10,001 (up)
    [InlineData(100_090, 1000, 10_009)] // exact: nothing to round
    [InlineData(100_099, 1000, 10_010)] // 10,009.9 → 10,010
    [InlineData(1, 1000, 1)] // a tenth of a fen still needs one fen
    [InlineData(0, 3000, 0)]
    [InlineData(Quota.MaxBudgetFen, 10_000, Quota.MaxBudgetFen)]
    public void QuotaIsBudgetTimesRateRoundedUpToTheFen(long budget, int rate, long quota) =>
        Assert.Equal(quota, Quota.QuotaFen(budget, rate));

    [Fact]
    public void QuotaNeverFallsShortOfTheRateAndIsWithinOneFen() =>
        Gen.Select(Gen.Long[0, Quota.MaxBudgetFen], Gen.Int[1, 10_000]).Sample((budget, rate) =>
        {
            var quota = Quota.QuotaFen(budget, rate);
            // quota·10000 ≥ budget·rate > (quota − 1)·10000
            Assert.True((Int128)quota * 10_000 >= (Int128)budget * rate);
            Assert.True((Int128)(quota - 1) * 10_000 < (Int128)budget * rate || quota == 0);
        });

    [Theory]
    [InlineData(360_000_00, 0, 360_000_00)]
    [InlineData(360_000_00, 100_000_00, 260_000_00)]
    [InlineData(360_000_00, 400_000_00, 0)]
    public void RemainingNeverGoesBelowZero(long quota, long counted, long remaining) =>
        Assert.Equal(remaining, Quota.RemainingFen(quota, counted));

    [Theory]
    [InlineData(1, 3, 3333)]
    [InlineData(2, 3, 6666)] // down, so 10,000 means really reached
    [InlineData(9_999, 10_000, 9_999)]
    [InlineData(15, 10, 15_000)]
    [InlineData(5, 0, 0)]
    public void SharesAreBasisPointsRoundedDown(long part, long whole, int bp) => Assert.Equal(bp, Quota.BasisPointsOf(part, whole));

    [Fact]
    public void UndeclaredRateTakesTheRegionsFloor() =>
        Assert.Equal(3000, Quota.CheckDeclaration(1_000_000, null, CanteenOperation.SelfRun, null, Guangdong));

    [Fact]
    public void RateAboveTheFloorIsKept() =>
        Assert.Equal(3500, Quota.CheckDeclaration(1_000_000, 3500, CanteenOperation.Caterer, "广州穗膳餐饮管理有限公司", Guangdong));

    [Fact]
    public void RateBelowTheRegionsFloorIsUnprocessable()
    {
        var error = Assert.Throws<RuleViolationException>(() => Quota.CheckDeclaration(1_000_000, 1500, CanteenOperation.SelfRun, null, Guangdong));
        Assert.Equal("quota.rate-below-floor", error.Code);
        Assert.True(error.Unprocessable);
        Assert.Contains("30%", error.Message);
    }

    [Theory]
    [InlineData(0, null, CanteenOperation.SelfRun, null, "canteenFoodBudgetFen")]
    [InlineData(1_000, 10_001, CanteenOperation.SelfRun, null, "reserveRateBasisPoints")]
    [InlineData(1_000, 0, CanteenOperation.SelfRun, null, "reserveRateBasisPoints")]
    [InlineData(1_000, null, CanteenOperation.Caterer, " ", "catererName")]
    [InlineData(1_000, null, CanteenOperation.SelfRun, "某餐饮公司", "catererName")]
    [InlineData(1_000, null, (CanteenOperation)0, null, "canteen")]
    public void MalformedDeclarationsNameTheField(long budget, int? rate, CanteenOperation canteen, string? caterer, string field)
    {
        var error = Assert.Throws<ValidationFailedException>(() => Quota.CheckDeclaration(budget, rate, canteen, caterer, Guangdong));
        Assert.Equal([field], error.Errors.Keys);
    }
}

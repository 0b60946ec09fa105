using AgriLink.Domain.Dividends;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Shares;
using Xunit;

namespace AgriLink.Domain.Tests.Dividends;

public class CharterTests
{
    private static readonly Charter Valid = DividendSamples.Charter(new FloorRule(ShareClass.LandRight, FloorKind.PerMu, 400_00));

    public static TheoryData<Charter, string> Invalid => new()
    {
        { Valid with { TradeReturnRateBp = 5_999 }, "tradeReturnRateBp" },
        { Valid with { TradeReturnRateBp = 10_001 }, "tradeReturnRateBp" },
        { Valid with { ReserveRateBp = 6_000, WelfareRateBp = 5_000 }, "welfareRateBp" },
        { Valid with { PreferredFloorBp = -1 }, "preferredFloorBp" },
        { Valid with { FiscalYearEndMonth = 13 }, "fiscalYearEndMonth" },
        { Valid with { Floors = [new FloorRule(ShareClass.LandRight, FloorKind.PerMu, 400_00, [600])] }, "floors[0].stepRatesBp" },
        { Valid with { Floors = [new FloorRule(ShareClass.FiscalFund, FloorKind.PercentOfPrincipal, 0, [600, 10_001])] }, "floors[0].stepRatesBp" },
        { Valid with { Floors = [new FloorRule(ShareClass.Cash, FloorKind.PercentOfPrincipal, 10_001)] }, "floors[0].value" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidCharterIsRefusedOnTheField(Charter charter, string field) =>
        Assert.Contains(field, Assert.Throws<ValidationFailedException>(charter.Validate).Errors.Keys);

    [Fact]
    public void ExactlySixtyPercentIsAccepted() => (Valid with { TradeReturnRateBp = Charter.LawMinimumTradeReturnBp }).Validate();

    [Fact]
    public void FloorAndCoordinationFeeMayShareAClass() =>
        (Valid with { Floors = [.. Valid.Floors, new FloorRule(ShareClass.LandRight, FloorKind.CoordinationFeePerMu, 20_00)] }).Validate();

    [Fact]
    public void SteppedRateHoldsItsLastStepInLaterYears()
    {
        var rule = new FloorRule(ShareClass.FiscalFund, FloorKind.PercentOfPrincipal, 0, [600, 800, 1_000]);

        Assert.Equal([600, 800, 1_000, 1_000, 1_000], Enumerable.Range(1, 5).Select(rule.RateBpFor));
    }
}

using AgriLink.Domain.Errors;
using AgriLink.Domain.Offtake;
using AgriLink.Domain.Orders;
using CsCheck;
using Xunit;
using static AgriLink.Domain.Tests.Offtake.OfftakeSamples;

namespace AgriLink.Domain.Tests.Offtake;

public class OfftakeSettlementTests
{
    private static readonly DateOnly InWindow = new(2026, 9, 30);
    private static readonly DateOnly AfterWindow = new(2026, 11, 1);

    [Fact]
    public void MarketBelowFloorIsPaidTheFloorAndTheGuaranteeTopsUp()
    {
        var line = OfftakeSettlement.Price(Cili, Delivery("PZ-0001", 20_000m, 250));

        Assert.Equal(300, line.PaidPriceFen);
        Assert.Equal(6_000_000, line.PaidFen);
        Assert.Equal(5_000_000, line.MarketValueFen);
        Assert.Equal(1_000_000, line.FloorTopUpFen);
    }

    [Fact]
    public void MarketAboveFloorIsPaidTheMarketWhenTheContractFollowsIt()
    {
        var line = OfftakeSettlement.Price(Cili, Delivery("PZ-0002", 10_000m, 420));

        Assert.Equal(420, line.PaidPriceFen);
        Assert.Equal(4_200_000, line.PaidFen);
        Assert.Equal(0, line.FloorTopUpFen);
    }

    [Fact]
    public void MarketAboveFloorIsStillPaidTheFloorWithoutTheMarketOption()
    {
        var line = OfftakeSettlement.Price(Cili with { MarketPriceIfHigher = false }, Delivery("PZ-0003", 10_000m, 420));

        Assert.Equal(300, line.PaidPriceFen);
        Assert.Equal(3_000_000, line.PaidFen);
        Assert.Equal(4_200_000, line.MarketValueFen);
        Assert.Equal(0, line.FloorTopUpFen);
    }

    [Fact]
    public void RoundedAmountsStillAddUp()
    {
        // 0.333 斤: at ¥3.01 that is 100.233 fen → 100; at ¥2.50, 83.25 → 83; the top-up is the 17 fen between.
        var line = OfftakeSettlement.Price(Cili with { FloorPriceFen = 301 }, Delivery("PZ-0004", 0.333m, 250));

        Assert.Equal((100, 83, 17), (line.PaidFen, line.MarketValueFen, line.FloorTopUpFen));
    }

    [Fact]
    public void PaymentIsTheBetterOfFloorAndMarketAndTheTopUpIsTheGap() =>
        Gen.Select(Gen.Long[1, 100_000], Gen.Long[1, 100_000], Gen.Long[1, 10_000_000], Gen.Bool).Sample((floor, market, milli, follows) =>
        {
            var terms = Cili with { FloorPriceFen = floor, MarketPriceIfHigher = follows };
            var quantity = milli / 1000m;
            var line = OfftakeSettlement.Price(terms, Delivery("P", quantity, market));
            var atFloor = LinePricing.AmountFen(floor, quantity);

            Assert.Equal(follows ? Math.Max(atFloor, line.MarketValueFen) : atFloor, line.PaidFen);
            Assert.Equal(Math.Max(0, atFloor - line.MarketValueFen), line.FloorTopUpFen);
            if (market <= floor) Assert.Equal(line.PaidFen, line.MarketValueFen + line.FloorTopUpFen);
        });

    [Fact]
    public void TotalsAddTheDeliveriesAndTheGapIsRemainingWhileTheWindowIsOpen()
    {
        var settlement = OfftakeSettlement.Of(Cili, [Delivery("PZ-0001", 20_000m, 250), Delivery("PZ-0002", 10_000m, 420)], InWindow);

        Assert.Equal(30_000m, settlement.DeliveredQuantity);
        Assert.Equal(6_000_000 + 4_200_000, settlement.PaidFen);
        Assert.Equal(5_000_000 + 4_200_000, settlement.MarketValueFen);
        Assert.Equal(1_000_000, settlement.FloorTopUpFen);
        Assert.False(settlement.WindowClosed);
        Assert.Equal(70_000m, settlement.RemainingQuantity);
        Assert.Equal(0m, settlement.ShortfallQuantity);
        Assert.Equal(0, settlement.ShortfallAtFloorFen);
    }

    [Fact]
    public void AfterTheWindowTheGapIsAShortfallValuedAtTheFloor()
    {
        var settlement = OfftakeSettlement.Of(Cili, [Delivery("PZ-0001", 20_000m, 250)], AfterWindow);

        Assert.True(settlement.WindowClosed);
        Assert.Equal(0m, settlement.RemainingQuantity);
        Assert.Equal(80_000m, settlement.ShortfallQuantity);
        Assert.Equal(24_000_000, settlement.ShortfallAtFloorFen);
    }

    [Fact]
    public void AnEndedContractHasAShortfallEvenInsideItsWindow()
    {
        var settlement = OfftakeSettlement.Of(Cili, [Delivery("PZ-0001", 20_000m, 250)], InWindow, ended: true);

        Assert.Equal(80_000m, settlement.ShortfallQuantity);
    }

    [Fact]
    public void OverDeliveryWithinToleranceLeavesNoShortfall()
    {
        var settlement = OfftakeSettlement.Of(Cili, [Delivery("PZ-0001", 105_000m, 250)], AfterWindow);

        Assert.Equal(0m, settlement.ShortfallQuantity);
        Assert.Equal(5_000m, settlement.OverDeliveredQuantity);
    }

    [Fact]
    public void DeliveriesOutsideTheWindowAreRefused()
    {
        var early = Assert.Throws<RuleViolationException>(() =>
            OfftakeSettlement.CheckDelivery(Cili, 0, Delivery("PZ-0001", 10m, 250, new(2026, 8, 19)), AfterWindow));
        var late = Assert.Throws<RuleViolationException>(() =>
            OfftakeSettlement.CheckDelivery(Cili, 0, Delivery("PZ-0002", 10m, 250, new(2026, 11, 1)), new(2026, 11, 2)));

        Assert.All([early, late], e => Assert.Equal(("offtake.outside-window", true), (e.Code, e.Unprocessable)));
        // The window's own first and last days are in it.
        OfftakeSettlement.CheckDelivery(Cili, 0, Delivery("PZ-0003", 10m, 250, new(2026, 8, 20)), AfterWindow);
        OfftakeSettlement.CheckDelivery(Cili, 0, Delivery("PZ-0004", 10m, 250, new(2026, 10, 31)), AfterWindow);
    }

    [Fact]
    public void DeliveryDatedInTheFutureIsInvalid()
    {
        var error = Assert.Throws<ValidationFailedException>(() =>
            OfftakeSettlement.CheckDelivery(Cili, 0, Delivery("PZ-0001", 10m, 250, new(2026, 9, 11)), new(2026, 9, 10)));
        Assert.Equal(["date"], error.Errors.Keys);
    }

    [Fact]
    public void DeliveryUpToTheToleranceIsTakenAndBeyondItIsRefused()
    {
        Assert.Equal(110_000m, Cili.MaxDeliverable);
        OfftakeSettlement.CheckDelivery(Cili, 100_000m, Delivery("PZ-0100", 10_000m, 250), InWindow);

        var error = Assert.Throws<RuleViolationException>(() =>
            OfftakeSettlement.CheckDelivery(Cili, 100_000m, Delivery("PZ-0101", 10_000.001m, 250), InWindow));
        Assert.Equal(("offtake.over-delivery", true), (error.Code, error.Unprocessable));

        var strict = Cili with { OverDeliveryToleranceBasisPoints = 0 };
        Assert.Throws<RuleViolationException>(() => OfftakeSettlement.CheckDelivery(strict, 100_000m, Delivery("PZ-0102", 0.001m, 250), InWindow));
    }

    [Theory]
    [InlineData("", "product")]
    [InlineData("quantity", "quantity")]
    [InlineData("window", "deliveryEnd")]
    [InlineData("floor", "floorPriceFen")]
    [InlineData("tolerance", "overDeliveryToleranceBasisPoints")]
    public void MalformedTermsNameTheField(string broken, string field)
    {
        var terms = broken switch
        {
            "" => Cili with { Product = " " },
            "quantity" => Cili with { Quantity = 1.0001m },
            "window" => Cili with { DeliveryEnd = Cili.DeliveryStart.AddDays(-1) },
            "floor" => Cili with { FloorPriceFen = 0 },
            _ => Cili with { OverDeliveryToleranceBasisPoints = 5001 },
        };
        var error = Assert.Throws<ValidationFailedException>(terms.Validate);
        Assert.Equal([field], error.Errors.Keys);
    }
}

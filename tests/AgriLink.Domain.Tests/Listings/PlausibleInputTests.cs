using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Matching;
using AgriLink.Domain.Quantities;
using Xunit;

namespace AgriLink.Domain.Tests.Listings;

/// <summary>
/// Issue 16, item 7: counted units take whole numbers, dates are ones someone means, and a title is something visible
/// that reads the way it is written. One set of rules in the domain, so the API and the pages refuse alike.
/// </summary>
public sealed class PlausibleInputTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static readonly ListingDraft Kiwi =
        new("修文猕猴桃礼盒", ProduceCategory.Fruit, Unit.Box, 6900, 100, 1, "520123", "大木村");

    private static IReadOnlyCollection<string> Refused(Action validate) =>
        Assert.Throws<ValidationFailedException>(validate).Errors.Keys;

    [Theory]
    [InlineData(Unit.Box)]
    [InlineData(Unit.Piece)]
    [InlineData(Unit.Bag)]
    [InlineData(Unit.Bottle)]
    [InlineData(Unit.Carton)]
    [InlineData(Unit.Head)]
    public void CountedUnitsTakeWholeNumbersOnly(Unit unit)
    {
        Assert.True(Units.IsCounted(unit));
        Assert.Equal(["stock"], Refused(() => (Kiwi with { Unit = unit, Stock = 1178.5m }).Validate(Today)));
        Assert.Equal(["minOrder"], Refused(() => (Kiwi with { Unit = unit, MinOrder = 1.5m }).Validate(Today)));
        Assert.Equal(["quantity"], Refused(() => StockReservation.CheckAmount(unit, 1.5m)));
        Assert.Equal(["quantity"], Refused(() => Demand(1.5m, unit).Validate(Today)));
        (Kiwi with { Unit = unit, Stock = 1178, MinOrder = 2 }).Validate(Today);
        StockReservation.CheckAmount(unit, 3m);
        StockReservation.CheckAmount(unit, 3.000m);
        Demand(12, unit).Validate(Today);
    }

    [Theory]
    [InlineData(Unit.Gram)]
    [InlineData(Unit.Jin)]
    [InlineData(Unit.Kilogram)]
    [InlineData(Unit.Tonne)]
    public void MassKeepsThreeDecimals(Unit unit)
    {
        Assert.False(Units.IsCounted(unit));
        (Kiwi with { Unit = unit, Stock = 1178.125m, MinOrder = 0.5m }).Validate(Today);
        StockReservation.CheckAmount(unit, 2.125m);
        Demand(2.125m, unit).Validate(Today);
        Assert.Equal(["stock"], Refused(() => (Kiwi with { Unit = unit, Stock = 1.2345m }).Validate(Today)));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2016-01-01")]
    [InlineData("2029-01-01")]
    public void AHarvestDateNoOneMeansIsRefused(string date) =>
        Assert.Equal(["harvestDate"], Refused(() => (Kiwi with { HarvestDate = DateOnly.Parse(date) }).Validate(Today)));

    [Theory]
    [InlineData("2026-09-15")]
    [InlineData("2018-01-01")]
    [InlineData("2028-06-01")]
    public void ARecentOrComingHarvestIsAccepted(string date) =>
        (Kiwi with { HarvestDate = DateOnly.Parse(date) }).Validate(Today);

    [Fact]
    public void OtherDatesKeepToTheCalendarAnyoneMeans()
    {
        Assert.Equal(["joinedOn"], Refused(() => new CooperativeMember("ind-x", MemberKind.Individual, "张三", true, DateOnly.MinValue).Validate(Today)));
        Assert.Equal(["harvestDate"], Refused(() => (Kiwi with { HarvestDate = DateOnly.MaxValue }).Validate()));
    }

    [Theory]
    [InlineData("\u200B")]                 // zero-width space
    [InlineData("\u200B\u200C\u200D\u2060")]
    [InlineData("\u3164\u3164")]           // Hangul filler
    [InlineData("\uFEFF")]
    [InlineData("\u00AD")]                 // soft hyphen
    public void ATitleOfOnlyInvisibleCharactersIsRefused(string title) =>
        Assert.Equal(["title"], Refused(() => (Kiwi with { Title = title }).Validate(Today)));

    [Theory]
    [InlineData("\u202E盒礼桃猴猕")]        // right-to-left override
    [InlineData("猕猴桃\u202A礼盒")]
    [InlineData("猕猴桃\u202B礼盒")]
    [InlineData("猕猴桃\u202C礼盒")]
    [InlineData("猕猴桃\u202D礼盒")]
    [InlineData("猕猴桃\u2066礼盒")]
    [InlineData("猕猴桃\u2067礼盒")]
    [InlineData("猕猴桃\u2068礼盒")]
    [InlineData("猕猴桃\u2069礼盒")]
    public void ATitleWithABidirectionalControlIsRefused(string title)
    {
        Assert.Equal(["title"], Refused(() => (Kiwi with { Title = title }).Validate(Today)));
        Assert.Equal(["title"], Refused(() => Demand(1, Unit.Box, title).Validate(Today)));
    }

    [Theory]
    [InlineData("修文猕猴桃 礼盒")]
    [InlineData("Kiwi 👍")]
    [InlineData("家庭\u200D装")]           // a joiner among visible characters is fine
    public void OrdinaryTitlesStayAccepted(string title) => (Kiwi with { Title = title }).Validate(Today);

    private static DemandSpec Demand(decimal quantity, Unit unit, string title = "机关食堂猕猴桃") =>
        new(title, ProduceCategory.Fruit, null, quantity, unit, Today.AddDays(30), "440103");
}

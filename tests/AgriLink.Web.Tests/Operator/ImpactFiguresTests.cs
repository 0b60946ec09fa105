using AgriLink.Domain.Dividends;
using AgriLink.Domain.Households;
using AgriLink.Domain.Orders;
using AgriLink.Domain.Quantities;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Orders;
using AgriLink.Web.Pages.Operator;
using Xunit;

namespace AgriLink.Web.Tests.Operator;

/// <summary>The operator dashboard's arithmetic: poor households reached and their income, certified sales; every fen.</summary>
public sealed class ImpactFiguresTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    private static readonly (string, string, PovertyStatus)[] Households =
    [
        ("hh-a", "522633", PovertyStatus.RegisteredPoor),
        ("hh-b", "522633", PovertyStatus.Exited),
        ("hh-c", "522633", PovertyStatus.Monitored),
        ("hh-d", "522633", PovertyStatus.NotPoor),
        ("hh-e", "520281", PovertyStatus.RegisteredPoor),
    ];

    [Fact]
    public void PoorHouseholdsIncomeCountsMarketplaceSalesAndPaidOrPublicisedDividendsOnly()
    {
        TradeRecord[] trade =
        [
            new("ord-1:1:hh-a", "hh-a", 12_345, Day, TradeSource.Marketplace),
            new("ord-2:1:hh-a", "hh-a", 1, Day, TradeSource.Marketplace),
            new("book-7", "hh-a", 99_999, Day, TradeSource.Manual),          // an offline delivery, not a platform sale
            new("ord-3:1:hh-d", "hh-d", 50_000, Day, TradeSource.Marketplace), // not a poor household
            new("ord-4:1", null, 7_000, Day, TradeSource.Marketplace),        // non-member trade
        ];
        (DeclarationStatus, DividendLine)[] dividends =
        [
            (DeclarationStatus.Paid, Line("hh-b", 30_001)),
            (DeclarationStatus.Publicised, Line("hh-a", 240_000)),
            (DeclarationStatus.Publicised, Line("hh-e", 15)),
            (DeclarationStatus.Draft, Line("hh-c", 1_000)),    // not announced yet
            (DeclarationStatus.Paid, Line("hh-c", 0)),         // nothing reached it
            (DeclarationStatus.Paid, Line("hh-d", 500)),       // not a poor household
        ];

        var counties = HouseholdIncome.ByCounty(Households, trade, dividends);

        Assert.Equal(2, counties.Count);
        var congjiang = counties.Single(c => c.CountyCode == "522633");
        Assert.Equal(("从江县", 3, 2), (congjiang.CountyName, congjiang.PoorHouseholds, congjiang.Reached));
        Assert.Equal((12_346L, 30_001L, 240_000L, 42_347L),
            (congjiang.SalesIncomeFen, congjiang.DividendsPaidFen, congjiang.DividendsOnNoticeFen, congjiang.ReceivedFen));
        var panzhou = counties.Single(c => c.CountyCode == "520281");
        Assert.Equal((1, 1, 0L, 0L, 15L, 0L),
            (panzhou.PoorHouseholds, panzhou.Reached, panzhou.SalesIncomeFen, panzhou.DividendsPaidFen, panzhou.DividendsOnNoticeFen, panzhou.ReceivedFen));
        Assert.Equal("522633", counties[0].CountyCode); // most income first
    }

    [Fact]
    public void CountyWithPoorHouseholdsButNoIncomeShowsThemUnreached()
    {
        var counties = HouseholdIncome.ByCounty(Households, [], []);

        Assert.Equal([(3, 0), (1, 0)], counties.OrderByDescending(c => c.PoorHouseholds).Select(c => (c.PoorHouseholds, c.Reached)));
        Assert.All(counties, c => Assert.Equal(0, c.ReceivedFen + c.DividendsOnNoticeFen));
    }

    [Fact]
    public void CertifiedSalesAreTheLinesCertifiedWhenOrdered()
    {
        var sub = new SubOrder("coop-cjxiang", OrderStatus.Completed,
        [
            new(1, Reserved("lst-cjchicken", 16_800, 20, certified: true)),
            new(2, Reserved("lst-cjpig", 4_800, 7.5m, certified: false)),
            new(3, Reserved("lst-cjglutinous", 1_500, 200, certified: true)),
        ], 336_000 + 36_000 + 300_000);

        Assert.Equal(636_000, CountySales.CertifiedFen(sub));
        // 636,000 / 672,000 = 94.64…%, rounded down in basis points.
        Assert.Equal(9_464, new CountyImpact("522633", "从江县", true, 1, 12, 7, 4, 1, sub.AmountFen, CountySales.CertifiedFen(sub)).CertifiedSalesBasisPoints);
    }

    [Theory]
    [InlineData(OrderStatus.Placed, true)]
    [InlineData(OrderStatus.AwaitingPayment, false)]
    [InlineData(OrderStatus.Paid, true)]
    [InlineData(OrderStatus.Shipped, true)]
    [InlineData(OrderStatus.Delivered, true)]
    [InlineData(OrderStatus.Completed, true)]
    [InlineData(OrderStatus.Cancelled, false)]
    [InlineData(OrderStatus.Refunded, false)]
    public void OnlyFirmOrdersCountAsSales(OrderStatus status, bool sale) => Assert.Equal(sale, CountySales.IsSale(status));

    private static DividendLine Line(string householdId, long paidFen) => new(householdId, [], paidFen, 0);

    private static ReservedLine Reserved(string listingId, long priceFen, decimal quantity, bool certified) =>
        new(listingId, "coop-cjxiang", listingId, Unit.Jin, priceFen, quantity, (long)(priceFen * quantity), certified, [], "522633", DateTimeOffset.UnixEpoch);
}

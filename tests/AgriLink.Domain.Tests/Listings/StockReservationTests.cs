using AgriLink.Domain.Errors;
using AgriLink.Domain.Listings;
using Xunit;

namespace AgriLink.Domain.Tests.Listings;

public sealed class StockReservationTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 16, 2, 30, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(ListingStatus.Draft)]
    [InlineData(ListingStatus.Paused)]
    [InlineData(ListingStatus.Archived)]
    public void OnlyLiveListingsCanBeReserved(ListingStatus status)
    {
        var error = Assert.Throws<RuleViolationException>(() => StockReservation.CheckReservable(status, 100, 1, 1));
        Assert.Equal("listing.not-available", error.Code);
    }

    [Fact]
    public void SoldOutListingRefusesForLackOfStock()
    {
        var error = Assert.Throws<RuleViolationException>(() => StockReservation.CheckReservable(ListingStatus.SoldOut, 0, 1, 1));
        Assert.Equal("listing.insufficient-stock", error.Code);
    }

    [Fact]
    public void TheWholeStockCanBeReservedButNotAFractionMore()
    {
        StockReservation.CheckReservable(ListingStatus.Active, 12.5m, 0.5m, 12.5m);
        var error = Assert.Throws<RuleViolationException>(() => StockReservation.CheckReservable(ListingStatus.Active, 12.5m, 0.5m, 12.501m));
        Assert.Equal("listing.insufficient-stock", error.Code);
    }

    [Fact]
    public void BelowTheMinimumOrderIsUnprocessable()
    {
        var error = Assert.Throws<RuleViolationException>(() => StockReservation.CheckReservable(ListingStatus.Active, 100, 50, 49.999m));
        Assert.Equal("listing.below-minimum-order", error.Code);
        Assert.True(error.Unprocessable);
    }

    [Fact]
    public void InvalidInputsAreReportedTogether()
    {
        var error = Assert.Throws<ValidationFailedException>(() => StockReservation.Validate("", 0.0001m, Now, Now));
        Assert.Equal(["holdUntil", "orderId", "quantity"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void HoldMayNotRunMoreThanAYear()
    {
        StockReservation.Validate("ord-1", 1, Now.Add(StockReservation.MaxHold), Now);
        Assert.Throws<ValidationFailedException>(() => StockReservation.Validate("ord-1", 1, Now.Add(StockReservation.MaxHold).AddSeconds(1), Now));
    }

    [Fact]
    public void ReleasingIntoAnArchivedListingKeepsItArchived()
    {
        Assert.Equal(ListingStatus.Archived, StockReservation.AfterHoldChange(ListingStatus.Archived, 10));
        Assert.Equal(ListingStatus.Active, StockReservation.AfterHoldChange(ListingStatus.SoldOut, 10));
        Assert.Equal(ListingStatus.SoldOut, StockReservation.AfterHoldChange(ListingStatus.Active, 0));
        Assert.Equal(ListingStatus.Paused, StockReservation.AfterHoldChange(ListingStatus.Paused, 0));
    }

    [Fact]
    public void ExpiredHoldsComeEarliestFirstAndIncludeThoseDueNow()
    {
        var holds = new Dictionary<string, DateTimeOffset>
        {
            ["ord-b"] = Now.AddMinutes(-5),
            ["ord-a"] = Now.AddMinutes(-5),
            ["ord-now"] = Now,
            ["ord-old"] = Now.AddHours(-2),
            ["ord-later"] = Now.AddTicks(1),
        };

        Assert.Equal(["ord-old", "ord-a", "ord-b", "ord-now"], StockReservation.Expired(holds, Now));
    }
}

using AgriLink.Domain.Errors;
using AgriLink.Domain.Orders;
using Xunit;

namespace AgriLink.Domain.Tests.Orders;

public class OrderRulesTests
{
    private static void Validate(IReadOnlyList<(string?, decimal)>? lines, string? region = "440103", string? address = "荔湾区中山七路 1 号", string? buyer = "buyer-a") =>
        OrderRules.Validate(buyer, PaymentMethod.Invoice, lines, region, address, null);

    private static string[] Fields(Action act) =>
        [.. Assert.Throws<ValidationFailedException>(act).Errors.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void AWellFormedOrderPasses() => Validate([("lst-a", 1.5m), ("lst-b", 20m)]);

    [Fact]
    public void EveryBadFieldIsNamed() =>
        Assert.Equal(["buyerId", "deliveryAddress", "deliveryRegionCode", "lines"], Fields(() => Validate([], "999999", " ", "")));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1.2345)]
    [InlineData(1_000_000_001)]
    public void QuantitiesArePositiveWithAtMostThreeDecimals(double quantity) =>
        Assert.Equal(["lines[1].quantity"], Fields(() => Validate([("lst-a", 1m), ("lst-b", (decimal)quantity)])));

    [Fact]
    public void AListingAppearsOnce() =>
        Assert.Equal(["lines[1].listingId"], Fields(() => Validate([("lst-a", 1m), ("lst-a", 2m)])));

    [Fact]
    public void AtMostFiftyLines()
    {
        var lines = Enumerable.Range(0, 51).Select(i => ((string?)$"lst-{i:000}", 1m)).ToList();
        Assert.Equal(["lines"], Fields(() => Validate(lines)));
        Validate(lines[..50]);
    }

    [Fact]
    public void IdempotencyKeysMapToOneOrderPerBuyer()
    {
        var id = OrderIds.FromIdempotencyKey("buyer-a", "key-1");
        Assert.Equal(id, OrderIds.FromIdempotencyKey("buyer-a", "key-1"));
        Assert.NotEqual(id, OrderIds.FromIdempotencyKey("buyer-b", "key-1"));
        Assert.NotEqual(id, OrderIds.FromIdempotencyKey("buyer-a", "key-2"));
        Assert.True(OrderIds.IsValid(id), id);
        Assert.Equal(20, id.Length);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("0b0b8f1e-3c1a-4a8e-9f57-2f4b8f6a1d2c", true)]
    [InlineData("has space", false)]
    [InlineData("中文", false)]
    public void IdempotencyKeysAreVisibleAscii(string key, bool valid) => Assert.Equal(valid, OrderIds.IsValidKey(key));

    private static void WithRecipient(string? name, string? phone, DateOnly? date = null, bool required = false) =>
        OrderRules.Validate("buyer-a", PaymentMethod.Invoice, [("lst-a", 1m)], "440103", "荔湾区中山七路 1 号", null,
            name, phone, date, new DateOnly(2026, 12, 8), required);

    [Fact]
    public void TheRecipientIsOptionalButAPhoneNeedsAName()
    {
        WithRecipient(null, null);
        WithRecipient("陈晓燕", "020-81234567");
        WithRecipient("陈晓燕", "139 1234 5678");
        Assert.Equal(["recipientName"], Fields(() => WithRecipient(null, "13912345678")));
        Assert.Equal(["recipientPhone"], Fields(() => WithRecipient("陈晓燕", "12345")));
        Assert.Equal(["recipientName", "recipientPhone"], Fields(() => WithRecipient(null, null, required: true)));
    }

    [Fact]
    public void ARequestedDeliveryDateLiesBetweenTodayAndNinetyDaysAhead()
    {
        WithRecipient(null, null, new DateOnly(2026, 12, 8));
        WithRecipient(null, null, new DateOnly(2026, 12, 8).AddDays(OrderRules.MaxDaysAhead));
        Assert.Equal(["requestedDeliveryDate"], Fields(() => WithRecipient(null, null, new DateOnly(2026, 12, 7))));
        Assert.Equal(["requestedDeliveryDate"], Fields(() => WithRecipient(null, null, new DateOnly(2026, 12, 8).AddDays(OrderRules.MaxDaysAhead + 1))));
    }
}

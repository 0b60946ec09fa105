using AgriLink.Domain.Errors;
using AgriLink.Domain.Orders;
using Xunit;

namespace AgriLink.Domain.Tests.Orders;

public class ShipmentRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 8);

    private static string[] Fields(Action act) =>
        [.. Assert.Throws<ValidationFailedException>(act).Errors.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("SF1402738852614")]
    [InlineData("7890 1234-5678")]
    [InlineData("jdva01234567890")]
    [InlineData("12345678")]
    public void ACourierWithATrackingNumberOfEightToThirtyLettersOrDigitsPasses(string tracking) =>
        ShipmentRules.Validate(Carrier.Zto, tracking, null, Today);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("1234567")]
    [InlineData("1234567890123456789012345678901")]
    [InlineData("顺丰1234567890")]
    [InlineData("SF12345678/90")]
    public void ACourierNeedsAWellFormedTrackingNumber(string? tracking) =>
        Assert.Equal(["trackingNumber"], Fields(() => ShipmentRules.Validate(Carrier.SfExpress, tracking, null, Today)));

    [Fact]
    public void TrackingNumbersAreStoredInOneForm() =>
        Assert.Equal("SF1234567890", ShipmentRules.NormalizeTracking(" sf 1234-5678-90 "));

    [Fact]
    public void OwnVehicleNeedsADeliveryDateFromTodayAndNoTrackingNumber()
    {
        ShipmentRules.Validate(Carrier.OwnVehicle, null, Today, Today);
        ShipmentRules.Validate(Carrier.OwnVehicle, null, Today.AddDays(ShipmentRules.MaxDaysAhead), Today);
        Assert.Equal(["deliveryDate"], Fields(() => ShipmentRules.Validate(Carrier.OwnVehicle, null, null, Today)));
        Assert.Equal(["deliveryDate"], Fields(() => ShipmentRules.Validate(Carrier.OwnVehicle, null, Today.AddDays(-1), Today)));
        Assert.Equal(["deliveryDate"], Fields(() => ShipmentRules.Validate(Carrier.OwnVehicle, null, Today.AddDays(ShipmentRules.MaxDaysAhead + 1), Today)));
        Assert.Equal(["trackingNumber"], Fields(() => ShipmentRules.Validate(Carrier.OwnVehicle, "SF1234567890", Today, Today)));
    }

    [Fact]
    public void AnUnknownCarrierIsNamed() =>
        Assert.Equal(["carrier"], Fields(() => ShipmentRules.Validate((Carrier)99, "SF1234567890", null, Today)));
}

using AgriLink.Domain.Codes;
using AgriLink.Domain.Quantities;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;

namespace AgriLink.Domain.Tests;

/// <summary>Values cross grain calls and land in storage, so each must survive Orleans serialization intact.</summary>
public class SerializationTests
{
    private static readonly Serializer Serializer =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    public static TheoryData<object> Values =>
    [
        Money.FromFen(-123_456),
        UnifiedSocialCreditCode.Parse("91350100M000100Y43"),
        AdministrativeCode.Parse("520123"),
        PhoneNumber.Parse("0851-12345678"),
        Quantity.Of(2.5m, Unit.Kilogram),
        Unit.Head,
        Regions.Guizhou[0],
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void ValueSurvivesOrleansSerialization(object value) =>
        Assert.Equal(value, Serializer.Deserialize<object>(Serializer.SerializeToArray<object>(value)));
}

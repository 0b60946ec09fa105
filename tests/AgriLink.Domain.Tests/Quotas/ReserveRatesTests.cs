using AgriLink.Domain.Errors;
using AgriLink.Domain.Quotas;
using Xunit;

namespace AgriLink.Domain.Tests.Quotas;

public class ReserveRatesTests
{
    [Theory]
    [InlineData("110105", "11", 3000)] // 北京市朝阳区
    [InlineData("440103", "44", 3000)] // 广州市荔湾区
    [InlineData("360102", "36", 3000)] // 南昌市东湖区
    [InlineData("440305", "4403", 2000)] // 深圳市南山区: the city's own rule, below Guangdong's
    [InlineData("520281", "", 1000)] // 盘州市: the national floor
    [InlineData("310101", "", 1000)] // 上海市黄浦区
    public void FloorIsTheLongestMatchingRegionsRule(string region, string prefix, int basisPoints) =>
        Assert.Equal(new ReserveRateFloor(prefix, basisPoints), ReserveRates.Default.FloorFor(region));

    [Fact]
    public void ConfigurationAddsAndReplacesFloors()
    {
        var rates = ReserveRates.WithOverrides(new Dictionary<string, int> { ["52"] = 1500, ["44"] = 3500, ["520281"] = 2500 });

        Assert.Equal(new ReserveRateFloor("52", 1500), rates.FloorFor("520102"));
        Assert.Equal(new ReserveRateFloor("520281", 2500), rates.FloorFor("520281"));
        Assert.Equal(new ReserveRateFloor("44", 3500), rates.FloorFor("440103"));
        Assert.Equal(new ReserveRateFloor("4403", 2000), rates.FloorFor("440305"));
        Assert.Equal(new ReserveRateFloor("11", 3000), rates.FloorFor("110105"));
        // The known table itself is untouched.
        Assert.Equal(new ReserveRateFloor("", 1000), ReserveRates.Default.FloorFor("520102"));
    }

    [Theory]
    [InlineData("52", 999)]
    [InlineData("52", 10_001)]
    [InlineData("5", 1500)]
    [InlineData("520", 1500)]
    [InlineData("5a", 1500)]
    public void MalformedOrSubNationalOverridesAreRefused(string prefix, int basisPoints)
    {
        var error = Assert.Throws<ValidationFailedException>(() => ReserveRates.WithOverrides(new Dictionary<string, int> { [prefix] = basisPoints }));
        Assert.Equal([$"reserveRates:{prefix}"], error.Errors.Keys);
    }

    [Fact]
    public void EveryKnownFloorIsAtLeastTheNationalOne() =>
        Assert.All(ReserveRates.KnownFloors.Values, bp => Assert.InRange(bp, ReserveRates.NationalFloorBasisPoints, ReserveRates.MaxBasisPoints));
}

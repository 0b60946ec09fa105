using AgriLink.Domain.Codes;
using Xunit;

namespace AgriLink.Domain.Tests.Codes;

public class RegionsTests
{
    [Fact]
    public void GuizhouHasEightyEightCountyLevelDivisionsWithDistinctCodes()
    {
        Assert.Equal(88, Regions.Guizhou.Count);
        Assert.Equal(88, Regions.Guizhou.Select(c => c.Code).Distinct().Count());
        Assert.Equal(88, Regions.Guizhou.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void EveryGuizhouCodeIsACountyCodeInProvince52()
    {
        Assert.All(Regions.Guizhou, county =>
        {
            var code = AdministrativeCode.Parse(county.Code);
            Assert.True(code.IsCounty, county.Code);
            Assert.Equal("520000", code.ProvinceCode);
        });
    }

    [Fact]
    public void CountiesOfOnePrefectureShareItsCode()
    {
        var prefectures = Regions.Guizhou.GroupBy(c => c.Code[..4]).ToList();
        Assert.Equal(9, prefectures.Count);
        Assert.All(prefectures, group => Assert.Single(group.Select(c => c.Prefecture).Distinct()));
    }

    [Theory]
    [InlineData("520281", "盘州市", "六盘水市")]
    [InlineData("520123", "修文县", "贵阳市")]
    [InlineData("520204", "水城区", "六盘水市")]
    [InlineData("520581", "黔西市", "毕节市")]
    [InlineData("522302", "兴仁市", "黔西南布依族苗族自治州")]
    [InlineData("520203", "六枝特区", "六盘水市")]
    [InlineData("522732", "三都水族自治县", "黔南布依族苗族自治州")]
    public void CurrentCodesAndNamesAreKnown(string code, string name, string prefecture)
    {
        Assert.True(Regions.TryGetCounty(code, out var county));
        Assert.Equal(name, county.Name);
        Assert.Equal(prefecture, county.Prefecture);
        Assert.True(Regions.IsKnownCounty(code));
    }

    [Theory]
    [InlineData("520221")] // 水城县 became 水城区 520204 in 2020
    [InlineData("520522")] // 黔西县 became 黔西市 520581 in 2021
    [InlineData("522322")] // 兴仁县 became 兴仁市 522302 in 2018
    [InlineData("520222")] // 盘县 became 盘州市 520281 in 2017
    [InlineData("520100")]
    [InlineData("110101")]
    [InlineData(null)]
    public void RetiredAndNonCountyCodesAreUnknown(string? code)
    {
        Assert.False(Regions.IsKnownCounty(code));
        Assert.False(Regions.TryGetCounty(code, out _));
    }

    [Fact]
    public void ExactlyTheSixteenDeepPovertyCountiesAreMarked()
    {
        string[] expected = ["威宁", "赫章", "纳雍", "晴隆", "望谟", "册亨", "从江", "榕江", "沿河", "紫云", "水城", "正安", "剑河", "三都", "罗甸", "务川"];
        var marked = Regions.Guizhou.Where(c => c.DeepPoverty).ToList();
        Assert.Equal(16, marked.Count);
        Assert.All(expected, prefix => Assert.Single(marked, c => c.Name.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("110000", "北京市")]
    [InlineData("12", "天津市")]
    [InlineData("440300", "广东省")]
    [InlineData("520123", "贵州省")]
    [InlineData("650000", "新疆维吾尔自治区")]
    public void ProvinceIsNamedByTheFirstTwoDigits(string code, string name) =>
        Assert.Equal(name, Regions.ProvinceName(code));

    [Fact]
    public void ThirtyOneProvincesAreNamed()
    {
        var named = Enumerable.Range(10, 90).Select(n => Regions.ProvinceName(n.ToString())).OfType<string>().ToList();
        Assert.Equal(31, named.Count);
        Assert.Equal(31, named.Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("990000")]
    [InlineData("000000")]
    public void UnknownProvinceHasNoName(string? code) => Assert.Null(Regions.ProvinceName(code));
}

using AgriLink.Domain.Codes;
using Xunit;

namespace AgriLink.Domain.Tests.Codes;

public class AdministrativeCodeTests
{
    [Theory]
    [InlineData("520000", true, false, false)]
    [InlineData("520100", false, true, false)]
    [InlineData("520123", false, false, true)]
    [InlineData("520203", false, false, true)]
    public void LevelFollowsTheTrailingZeroPairs(string text, bool province, bool prefecture, bool county)
    {
        var code = AdministrativeCode.Parse(text);
        Assert.Equal(province, code.IsProvince);
        Assert.Equal(prefecture, code.IsPrefecture);
        Assert.Equal(county, code.IsCounty);
    }

    [Fact]
    public void HigherLevelsAreDerivedFromTheLeadingDigits()
    {
        var code = AdministrativeCode.Parse(" 520123 ");
        Assert.Equal("520123", code.Value);
        Assert.Equal("520000", code.ProvinceCode);
        Assert.Equal("520100", code.PrefectureCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("52012")]
    [InlineData("5201234")]
    [InlineData("52a123")]
    [InlineData("５２０１２３")]
    [InlineData("000000")]
    public void AnythingButSixDigitsIsRejected(string? text)
    {
        Assert.False(AdministrativeCode.TryParse(text, out _));
        Assert.Throws<FormatException>(() => AdministrativeCode.Parse(text!));
    }
}

using AgriLink.Domain.Disclosure;
using Xunit;

namespace AgriLink.Domain.Tests.Disclosure;

public class NameMaskTests
{
    [Theory]
    [InlineData("王", "*")]
    [InlineData("王五", "王*")]
    [InlineData("李四福", "李*福")]
    [InlineData("李小二福", "李**福")]
    [InlineData("欧阳修", "欧阳*")]
    [InlineData("欧阳小明", "欧阳*明")]
    [InlineData("诸葛亮", "诸葛*")]
    [InlineData("欧阳", "欧*")]
    [InlineData(" 王德明 ", "王*明")]
    [InlineData("王德明户", "王*明户")]
    [InlineData("王五户", "王*户")]
    [InlineData("欧阳修户", "欧阳*户")]
    [InlineData("", "*")]
    [InlineData(null, "*")]
    public void NamesAreMaskedAsANoticeShowsThem(string? name, string masked) =>
        Assert.Equal(masked, NameMask.Mask(name));

    [Fact]
    public void ACharacterOutsideTheBasicPlaneCountsAsOne() =>
        Assert.Equal("𠀀*福", NameMask.Mask("𠀀四福"));

    [Fact]
    public void NoMaskedNameKeepsMoreThanTheSurnameAndTheLastCharacter()
    {
        foreach (var name in new[] { "张三丰", "司马相如", "上官婉儿", "阿依古丽" })
        {
            var masked = NameMask.Mask(name);
            Assert.Contains('*', masked);
            Assert.Equal(name.Length, masked.Length);
        }
    }
}

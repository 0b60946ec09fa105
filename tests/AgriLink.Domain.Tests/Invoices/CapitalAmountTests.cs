using AgriLink.Domain.Invoices;
using CsCheck;
using Xunit;

namespace AgriLink.Domain.Tests.Invoices;

public sealed class CapitalAmountTests
{
    [Theory]
    // The People's Bank's own examples (正确填写票据和结算凭证的基本规定).
    [InlineData(140950, "壹仟肆佰零玖元伍角")]
    [InlineData(600714, "陆仟零柒元壹角肆分")]
    [InlineData(168032, "壹仟陆佰捌拾元零叁角贰分")]
    [InlineData(10700053, "壹拾万柒仟元零伍角叁分")]
    [InlineData(32504, "叁佰贰拾伍元零肆分")]
    // The task's example and edge cases.
    [InlineData(123456, "壹仟贰佰叁拾肆元伍角陆分")]
    [InlineData(0, "零元整")]
    [InlineData(1, "壹分")]
    [InlineData(50, "伍角")]
    [InlineData(56, "伍角陆分")]
    [InlineData(100, "壹元整")]
    [InlineData(1000, "壹拾元整")]
    [InlineData(1005, "壹拾元零伍分")]
    [InlineData(1050, "壹拾元零伍角")]
    [InlineData(10000000, "壹拾万元整")]
    [InlineData(10070000, "壹拾万零柒佰元整")]
    [InlineData(100001000, "壹佰万零壹拾元整")]
    [InlineData(10000000100, "壹亿零壹元整")]
    [InlineData(10000000000, "壹亿元整")]
    [InlineData(1001000100000, "壹佰亿壹仟万壹仟元整")]
    [InlineData(100000000000000, "壹万亿元整")]
    [InlineData(100000001000000, "壹万亿零壹万元整")]
    [InlineData(123450000000000, "壹万贰仟叁佰肆拾伍亿元整")]
    public void AmountsAreWrittenInCapitalsByTheBankRules(long fen, string expected)
    {
        Assert.Equal(expected, CapitalAmount.Of(fen));
    }

    [Fact]
    public void NegativeAndOversizedAmountsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CapitalAmount.Of(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CapitalAmount.Of(CapitalAmount.MaxFen + 1));
        Assert.NotEmpty(CapitalAmount.Of(CapitalAmount.MaxFen));
    }

    [Fact]
    public void EveryAmountReadsBackToTheSameFen()
    {
        var amounts = Gen.OneOf(Gen.Long[0, 10_000_000], Gen.Long[0, CapitalAmount.MaxFen],
            Gen.Int[0, 18].Select(Gen.Int[1, 9], (power, digit) => digit * (long)Math.Pow(10, Math.Min(power, 17))));
        amounts.Sample(fen => Assert.Equal(fen, CapitalReader.Read(CapitalAmount.Of(fen))), iter: 20_000);
    }

    [Fact]
    public void NoWrittenAmountHasDoubledZerosOrALooseTen()
    {
        Gen.Long[0, CapitalAmount.MaxFen].Sample(fen =>
        {
            var text = CapitalAmount.Of(fen);
            Assert.DoesNotContain("零零", text, StringComparison.Ordinal);
            Assert.DoesNotContain("零元", text[1..], StringComparison.Ordinal);
            Assert.DoesNotMatch("(^|[^壹贰叁肆伍陆柒捌玖])拾", text);
            Assert.True(text.EndsWith('整') == (fen % 100 == 0), text);
        }, iter: 5_000);
    }
}

using CsCheck;
using Xunit;

namespace AgriLink.Domain.Tests;

public class MoneyParsingTests
{
    [Theory]
    [InlineData("12", 1200)]
    [InlineData("12.3", 1230)]
    [InlineData("12.34", 1234)]
    [InlineData("-5.00", -500)]
    [InlineData("¥1,234.50", 123450)]
    [InlineData("￥12", 1200)]
    [InlineData("1234.5元", 123450)]
    [InlineData("  ¥8 ", 800)]
    [InlineData("-¥5.00", -500)]
    [InlineData("¥-5", -500)]
    [InlineData("0.01", 1)]
    [InlineData("1,234,567.89", 123456789)]
    [InlineData("92233720368547758.07", long.MaxValue)]
    [InlineData("-92233720368547758.08", long.MinValue)]
    public void CommonWritingsOfYuanAreRead(string text, long fen)
    {
        Assert.True(Money.TryParse(text, out var money));
        Assert.Equal(Money.FromFen(fen), money);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("¥")]
    [InlineData("abc")]
    [InlineData("12.345")]
    [InlineData("12.")]
    [InlineData(".5")]
    [InlineData("1,23")]
    [InlineData("1234,567")]
    [InlineData(",123")]
    [InlineData("1,,234")]
    [InlineData("--5")]
    [InlineData("-¥-5")]
    [InlineData("+5")]
    [InlineData("1e3")]
    [InlineData("12.3.4")]
    [InlineData("１２")]
    [InlineData("92233720368547758.08")]
    [InlineData("-92233720368547758.09")]
    [InlineData("99999999999999999999999999999999999999999")]
    public void MalformedOrOverflowingTextIsRejected(string? text)
    {
        Assert.False(Money.TryParse(text, out var money));
        Assert.Equal(Money.Zero, money);
    }

    [Fact]
    public void ParseRejectsGarbageWithFormatException() =>
        Assert.Throws<FormatException>(() => Money.Parse("twelve yuan"));

    [Fact]
    public void TryParseNeverThrowsOnArbitraryText()
    {
        Gen.String.Sample(text => { Money.TryParse(text, out _); });
        Gen.Char["0123456789.,-¥￥元 "].Array[0, 30].Select(chars => new string(chars))
            .Sample(text => { Money.TryParse(text, out _); });
    }

    [Fact]
    public void FormattedMoneyParsesBackToTheSameAmount() =>
        Gen.Long.Sample(fen =>
        {
            var money = Money.FromFen(fen);
            Assert.Equal(money, Money.Parse(money.ToString()));
            Assert.Equal(money, Money.Parse(money.ToYuanString()));
        });

    [Theory]
    [InlineData(123450, "¥1,234.50", "1234.50")]
    [InlineData(-500, "-¥5.00", "-5.00")]
    [InlineData(0, "¥0.00", "0.00")]
    [InlineData(5, "¥0.05", "0.05")]
    [InlineData(-1, "-¥0.01", "-0.01")]
    [InlineData(long.MinValue, "-¥92,233,720,368,547,758.08", "-92233720368547758.08")]
    public void MoneyIsShownInYuanWithTwoDecimals(long fen, string display, string plain)
    {
        Assert.Equal(display, Money.FromFen(fen).ToString());
        Assert.Equal(plain, Money.FromFen(fen).ToYuanString());
    }

    [Fact]
    public void YuanConvertsExactlyBothWays() =>
        Gen.Long.Sample(fen => Assert.Equal(Money.FromFen(fen), Money.FromYuan(Money.FromFen(fen).Yuan)));

    [Fact]
    public void FromYuanKeepsTrailingZerosButRejectsFractionsOfAFen()
    {
        Assert.Equal(Money.FromFen(123), Money.FromYuan(1.230m));
        Assert.Equal(12.34m, Money.FromFen(1234).Yuan);
        Assert.Throws<ArgumentException>(() => Money.FromYuan(1.234m));
        Assert.Throws<OverflowException>(() => Money.FromYuan(100_000_000_000_000_000m));
    }
}

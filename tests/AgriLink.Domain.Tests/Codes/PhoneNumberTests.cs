using AgriLink.Domain.Codes;
using Xunit;

namespace AgriLink.Domain.Tests.Codes;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData(" 138 1234 5678 ", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("+8613812345678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("19912345678", "19912345678")]
    [InlineData("0851-12345678", "0851-12345678")]
    [InlineData("085112345678", "0851-12345678")]
    [InlineData("0851 1234567", "0851-1234567")]
    [InlineData("010-12345678", "010-12345678")]
    [InlineData("01012345678", "010-12345678")]
    [InlineData("02112345678", "021-12345678")]
    public void NumbersAreStoredInOneCanonicalForm(string text, string canonical)
    {
        Assert.True(PhoneNumber.TryParse(text, out var number));
        Assert.Equal(canonical, number.Value);
        Assert.Equal(number, new PhoneNumber(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12812345678")]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("+1 138 1234 5678")]
    [InlineData("+87 13812345678")]
    [InlineData("0851-123456")]
    [InlineData("0851-123456789")]
    [InlineData("(0851)12345678")]
    [InlineData("0851-1234567x")]
    public void NonNumbersAreRejected(string? text)
    {
        Assert.False(PhoneNumber.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PhoneNumber.Parse(text!));
    }

    [Theory]
    [InlineData("13812345678", true, "138****5678")]
    [InlineData("0851-12345678", false, "0851-****5678")]
    [InlineData("0851-1234567", false, "0851-***4567")]
    [InlineData("010-12345678", false, "010-****5678")]
    public void OthersSeeOnlyTheEndsOfANumber(string text, bool mobile, string masked)
    {
        var number = PhoneNumber.Parse(text);
        Assert.Equal(mobile, number.IsMobile);
        Assert.Equal(masked, number.Masked);
    }

    [Fact]
    public void ConstructorRefusesANonNumber() =>
        Assert.Throws<ArgumentException>(() => new PhoneNumber("12345"));
}

using AgriLink.Domain.Codes;
using CsCheck;
using Xunit;

namespace AgriLink.Domain.Tests.Codes;

public class UnifiedSocialCreditCodeTests
{
    private const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static TheoryData<string> PublishedCodes =>
    [
        "91350100M000100Y43", // the example printed in guides to GB 32100-2015
        "914403001922038216", // 华为技术有限公司
        "91440300708461136T", // 深圳市腾讯计算机系统有限公司
        "91110108551385082Q", // 北京小米科技有限责任公司
    ];

    [Theory]
    [MemberData(nameof(PublishedCodes))]
    public void PublishedCodesAreAccepted(string text)
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(text, out var code));
        Assert.Equal(text, code.Value);
        Assert.Equal(text[^1], UnifiedSocialCreditCode.ComputeCheckCharacter(text[..17]));
    }

    [Fact]
    public void CodeIsTrimmedAndUpperCased()
    {
        var code = UnifiedSocialCreditCode.Parse(" 91350100m000100y43 ");
        Assert.Equal("91350100M000100Y43", code.Value);
        Assert.Equal("91350100M000100Y43", code.ToString());
        Assert.Equal(code, new UnifiedSocialCreditCode("91350100m000100y43"));
    }

    [Fact]
    public void DivisionCodeIsCharactersThreeToEight() =>
        Assert.Equal("350100", UnifiedSocialCreditCode.Parse("91350100M000100Y43").DivisionCode);

    [Fact]
    public void ChangingAnySingleCharacterIsDetected() =>
        Gen.Select(Gen.Int[0, 17], Gen.Char[Charset + "IOSVZ-"]).Sample((position, replacement) =>
        {
            var valid = "91350100M000100Y43";
            if (valid[position] == replacement) return;
            var mutated = string.Concat(valid.AsSpan(0, position), [replacement], valid.AsSpan(position + 1));
            Assert.False(UnifiedSocialCreditCode.TryParse(mutated, out _), mutated);
        });

    [Fact]
    public void CompletedCodesAreAlwaysValid() =>
        Gen.Select(Gen.Char[Charset].Array[2], Gen.Char['0', '9'].Array[6], Gen.Char[Charset].Array[9])
            .Select((head, division, tail) => new string([.. head, .. division, .. tail]))
            .Sample(first17 => Assert.True(UnifiedSocialCreditCode.TryParse(UnifiedSocialCreditCode.WithCheckCharacter(first17), out _)));

    [Fact]
    public void CheckCharacterThirtyOneWrapsToZero()
    {
        // A weighted sum of 0 gives 31 − 0 = 31, which the standard maps to '0'.
        Assert.Equal('0', UnifiedSocialCreditCode.ComputeCheckCharacter(new string('0', 17)));
        Assert.Equal("000000000000000000", UnifiedSocialCreditCode.WithCheckCharacter(new string('0', 17)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("91350100M000I00Y43")]
    [InlineData("9135O100M000100Y43")]
    public void MalformedCodesAreRejected(string? text) =>
        Assert.False(UnifiedSocialCreditCode.TryParse(text, out _));

    [Fact]
    public void LettersInTheDivisionCodeAreRejectedEvenWithAMatchingCheckCharacter()
    {
        var code = UnifiedSocialCreditCode.WithCheckCharacter("91A50100M000100Y4");
        Assert.False(UnifiedSocialCreditCode.TryParse(code, out _));
    }

    [Fact]
    public void ParseExplainsAMistypedCode()
    {
        var error = Assert.Throws<FormatException>(() => UnifiedSocialCreditCode.Parse("91350100M000100Y44"));
        Assert.Contains("check character", error.Message);
    }

    [Fact]
    public void ConstructorRefusesAnInvalidCode() =>
        Assert.Throws<ArgumentException>(() => new UnifiedSocialCreditCode("91350100M000100Y44"));

    [Fact]
    public void ComputeCheckCharacterNeedsSeventeenCharactersFromTheCharset()
    {
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.ComputeCheckCharacter("9135"));
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.ComputeCheckCharacter("91350100M000100YI"));
    }
}

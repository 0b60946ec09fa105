using AgriLink.Domain.Errors;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Quantities;
using Xunit;

namespace AgriLink.Domain.Tests.Listings;

public sealed class ListingDraftFieldsTests
{
    private static readonly ListingDraft Draft =
        new("盘州鲜刺梨", ProduceCategory.Fruit, Unit.Jin, 650, 8000, 50, "520281", "舍烹村");

    [Theory]
    [InlineData("520000", "520281", true)]  // Guizhou covers 盘州市
    [InlineData("520200", "520281", true)]  // 六盘水市 covers 盘州市
    [InlineData("520200", "520123", false)] // but not 修文县 (贵阳市)
    [InlineData("440103", "440103", true)]
    [InlineData("440103", "440104", false)]
    [InlineData("440000", "440000", true)]
    [InlineData("520281", "520000", false)] // a county does not cover its province
    public void AreaCoversItselfAndWhatLiesBelowIt(string area, string destination, bool covered) =>
        Assert.Equal(covered, (Draft with { DeliveryAreas = [area] }).DeliversTo(destination));

    [Fact]
    public void NoAreasMeansNationwide() => Assert.True(Draft.DeliversTo("650102"));

    [Theory]
    [InlineData("529999")] // not a Guizhou county
    [InlineData("990000")] // no such province
    [InlineData("52028")]
    public void UnknownAreaIsInvalid(string area)
    {
        var error = Assert.Throws<ValidationFailedException>(() => (Draft with { DeliveryAreas = [area] }).Validate());
        Assert.Equal(["deliveryAreas"], error.Errors.Keys);
    }

    [Fact]
    public void PovertyCertificationCannotBeClaimedAndKindsAreClaimedOnce()
    {
        var claimsPoverty = Draft with { Certifications = [new(CertificationKind.PovertyAlleviation, "自称")] };
        var twice = Draft with { Certifications = [new(CertificationKind.Organic, "A"), new(CertificationKind.Organic, "B")] };
        var noNumber = Draft with { Certifications = [new(CertificationKind.GreenFood, " ")] };

        foreach (var draft in new[] { claimsPoverty, twice, noNumber })
            Assert.Equal(["certifications"], Assert.Throws<ValidationFailedException>(draft.Validate).Errors.Keys);
    }

    [Fact]
    public void NormalizedDraftTrimsDeduplicatesAndDropsEmptyLists()
    {
        var normalized = (Draft with
        {
            DeliveryAreas = [" 520000", "440103", "520000"],
            ProducerIds = [" hh-1 ", "hh-1", "hh-2"],
            Certifications = [],
        }).Normalized();

        Assert.Equal(["440103", "520000"], normalized.DeliveryAreas);
        Assert.Equal(["hh-1", "hh-2"], normalized.ProducerIds);
        Assert.Null(normalized.Certifications);
        Assert.Null((Draft with { DeliveryAreas = [] }).Normalized().DeliveryAreas);
    }

    [Fact]
    public void PovertyApprovalMustBeDatedBetweenTheSchemesStartAndToday()
    {
        var today = new DateOnly(2026, 6, 16);
        new PovertyCertification("黔扶认〔2026〕1号", today).Validate(today);
        var error = Assert.Throws<ValidationFailedException>(() => new PovertyCertification("", new(2018, 12, 31)).Validate(today));
        Assert.Equal(["approvedOn", "certificateNumber"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Throws<ValidationFailedException>(() => new PovertyCertification("x", today.AddDays(1)).Validate(today));
    }
}

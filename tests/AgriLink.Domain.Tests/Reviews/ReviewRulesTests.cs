using AgriLink.Domain.Errors;
using AgriLink.Domain.Reviews;
using Xunit;

namespace AgriLink.Domain.Tests.Reviews;

/// <summary>The review window: from the delivery to 30 days after it, to the second; once per sub-order; marks 1–5.</summary>
public sealed class ReviewRulesTests
{
    private static readonly DateTimeOffset Delivered = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly ReviewScores Good = new(5, 4, 5, 4);

    private static Review Write(DateTimeOffset now, DateTimeOffset? delivered = null, Review? existing = null, ReviewScores? scores = null) =>
        ReviewRules.Write("ord-1", "coop-a", "buyer-a", ["lst-a"], delivered ?? Delivered, existing, scores ?? Good, " 很好 ", now);

    [Fact]
    public void TheWindowClosesThirtyDaysAfterTheDelivery()
    {
        Assert.Equal("很好", Write(Delivered.AddDays(30)).Comment);
        var late = Assert.Throws<RuleViolationException>(() => Write(Delivered.AddDays(30).AddSeconds(1)));
        Assert.Equal("review.window-closed", late.Code);
        Assert.Contains("2026-11-01", late.Message, StringComparison.Ordinal);
        Assert.Contains("2026-12-01 10:00", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyADeliveredPartIsRatedAndOnlyOnce()
    {
        Assert.Equal("review.not-delivered",
            Assert.Throws<RuleViolationException>(() => ReviewRules.Write("ord-1", "coop-a", "b", [], null, null, Good, null, Delivered)).Code);
        var first = Write(Delivered.AddDays(1));
        Assert.Equal("review.exists", Assert.Throws<RuleViolationException>(() => Write(Delivered.AddDays(2), existing: first)).Code);
    }

    [Theory]
    [InlineData(0, 3, 3, 3, "quality")]
    [InlineData(3, 6, 3, 3, "freshness")]
    [InlineData(3, 3, -1, 3, "packaging")]
    [InlineData(3, 3, 3, 9, "delivery")]
    public void MarksAreOneToFive(int quality, int freshness, int packaging, int delivery, string field)
    {
        var e = Assert.Throws<ValidationFailedException>(() => Write(Delivered.AddDays(1), scores: new ReviewScores(quality, freshness, packaging, delivery)));
        Assert.Equal([field], e.Errors.Keys);
    }

    [Fact]
    public void AnAnswerAndAHidingHappenOnce()
    {
        var review = ReviewRules.Answer(Write(Delivered.AddDays(1)), "谢谢", Delivered.AddDays(2));
        Assert.Equal("review.replied", Assert.Throws<RuleViolationException>(() => ReviewRules.Answer(review, "再谢", Delivered.AddDays(3))).Code);
        Assert.Throws<ValidationFailedException>(() => ReviewRules.Hide(review, "", "operator", Delivered.AddDays(3)));
        var hidden = ReviewRules.Hide(review, "广告", "operator", Delivered.AddDays(3));
        Assert.True(hidden.Hidden);
        Assert.Equal("review.hidden", Assert.Throws<RuleViolationException>(() => ReviewRules.Hide(hidden, "again", "operator", Delivered.AddDays(4))).Code);
    }
}

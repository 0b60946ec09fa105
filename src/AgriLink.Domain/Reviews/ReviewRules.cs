using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Reviews;

/// <summary>
/// When a review may be written, answered and hidden: the buyer rates a delivered sub-order once, within
/// <see cref="WindowDays"/> days of its delivery; the cooperative answers once; the operator hides one with a reason.
/// </summary>
public static class ReviewRules
{
    public const int WindowDays = 30;
    public const int MaxComment = 500;
    public const int MaxReply = 500;
    public const int MaxReason = 200;

    public static Review Write(string orderId, string cooperativeId, string buyerId, IReadOnlyList<string> listingIds, DateTimeOffset? deliveredAt,
        Review? existing, ReviewScores? scores, string? comment, DateTimeOffset now)
    {
        if (existing is not null)
            throw new RuleViolationException("review.exists", $"这笔订单的 {cooperativeId} 部分已于 {existing.WrittenAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd} 评价过，每个子订单只能评价一次。");
        if (deliveredAt is not { } delivered)
            throw new RuleViolationException("review.not-delivered", "确认收货后才能评价。");
        var closes = delivered.AddDays(WindowDays);
        if (now > closes)
            throw new RuleViolationException("review.window-closed",
                $"收货后 {WindowDays} 天内可以评价；这部分订单于 {delivered.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd} 收货，评价已于 {closes.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 截止。");
        var v = new Validator().Check(scores is not null, "scores", "is required.");
        if (scores is not null)
        {
            Mark(v, "quality", scores.Quality);
            Mark(v, "freshness", scores.Freshness);
            Mark(v, "packaging", scores.Packaging);
            Mark(v, "delivery", scores.Delivery);
        }
        v.Text("comment", comment, MaxComment, required: false).ThrowIfInvalid();
        return new Review(orderId, cooperativeId, buyerId, scores!, comment?.Trim() ?? "", listingIds, now);
    }

    public static Review Answer(Review review, string? text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Reply is not null)
            throw new RuleViolationException("review.replied", "合作社已经回复过这条评价，每条评价只能回复一次。");
        new Validator().Text("reply", text, MaxReply).ThrowIfInvalid();
        return review with { Reply = text!.Trim(), RepliedAt = now };
    }

    public static Review Hide(Review review, string? reason, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Hidden)
            throw new RuleViolationException("review.hidden", $"这条评价已于 {review.HiddenAt?.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 隐藏。");
        new Validator().Text("reason", reason, MaxReason).ThrowIfInvalid();
        return review with { HiddenReason = reason!.Trim(), HiddenBy = by, HiddenAt = now };
    }

    private static void Mark(Validator v, string field, int mark) =>
        v.Check(mark is >= ReviewScores.Lowest and <= ReviewScores.Highest, field, $"must be from {ReviewScores.Lowest} to {ReviewScores.Highest}.");
}

using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Complaints;

/// <summary>
/// Filing and deciding complaints, and when a cooperative's upheld complaints call for its suspension: at least
/// <c>threshold</c> upheld within the last <c>windowMonths</c> months (configuration <c>Complaints</c>, 3 in 12 by default).
/// </summary>
public static class ComplaintRules
{
    public const int MaxText = 500;
    public const int MaxReason = 200;

    public static Complaint File(string id, string buyerId, string cooperativeId, string? orderId, ComplaintKind? kind, string? text, Complaint? existing, DateTimeOffset now)
    {
        if (existing is not null) throw new RuleViolationException("complaint.exists", $"投诉 {id} 已经提交过。");
        new Validator().Check(kind is { } k && Enum.IsDefined(k), "kind", "must be Price or Quality.").Text("text", text, MaxText).ThrowIfInvalid();
        return new Complaint(id, buyerId, cooperativeId, orderId, kind!.Value, text!.Trim(), now);
    }

    public static Complaint Decide(Complaint complaint, bool uphold, string? reason, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (complaint.Status != ComplaintStatus.Open)
            throw new RuleViolationException("complaint.decided", $"这条投诉已于 {complaint.DecidedAt?.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd} 处理。");
        new Validator().Text("reason", reason, MaxReason).ThrowIfInvalid();
        return complaint with
        {
            Status = uphold ? ComplaintStatus.Upheld : ComplaintStatus.Dismissed, DecidedBy = by, DecidedAt = now, DecisionReason = reason!.Trim(),
        };
    }

    /// <summary>The start of the window upheld complaints are counted in.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset now, int windowMonths) => now.AddMonths(-windowMonths);

    public static bool CallsForSuspension(int upheldInWindow, int threshold) => upheldInWindow >= threshold;
}

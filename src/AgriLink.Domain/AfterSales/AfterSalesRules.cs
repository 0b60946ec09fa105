using AgriLink.Domain.Errors;

namespace AgriLink.Domain.AfterSales;

/// <summary>
/// The after-sales workflow (售后). Within <see cref="WindowDays"/> days of the confirmed delivery the buyer asks for all or
/// part of what it paid for the sub-order (less what was refunded already), with a reason. The cooperative accepts,
/// proposes a smaller amount, or refuses; the buyer accepts a proposal or escalates a proposal or a refusal to the operator,
/// who decides an amount (0: nothing is refunded). An agreed amount is refunded once (<see cref="Refunded"/>).
/// Each refusal names its rule: <c>aftersales.exists</c>, <c>aftersales.not-delivered</c>, <c>aftersales.window-closed</c>
/// (409), <c>aftersales.amount-exceeds</c> (422), <c>aftersales.wrong-state</c> (409).
/// </summary>
public static class AfterSalesRules
{
    public const int WindowDays = 7;
    public const int MaxReason = 500;
    public const int MaxNote = 500;
    public const int MaxPhotos = 3;
    public const string WrongState = "aftersales.wrong-state";

    public static AfterSalesCase Request(string orderId, string cooperativeId, string buyerId, long paidFen, long refundedFen, bool byCard,
        DateTimeOffset? deliveredAt, AfterSalesCase? existing, long amountFen, string? reason, IReadOnlyList<string>? photoIds, DateTimeOffset now)
    {
        if (existing is not null)
            throw new RuleViolationException("aftersales.exists", $"这笔订单的 {cooperativeId} 部分已有售后申请（{existing.RequestedAt.ToOffset(China):yyyy-MM-dd}），每个子订单只能申请一次。");
        if (deliveredAt is not { } delivered)
            throw new RuleViolationException("aftersales.not-delivered", "确认收货后才能申请售后。");
        var closes = delivered.AddDays(WindowDays);
        if (now > closes)
            throw new RuleViolationException("aftersales.window-closed",
                $"收货后 {WindowDays} 天内可以申请售后；这部分订单于 {delivered.ToOffset(China):yyyy-MM-dd} 收货，申请已于 {closes.ToOffset(China):yyyy-MM-dd HH:mm} 截止。");
        var photos = photoIds ?? [];
        new Validator().Range("amountFen", amountFen, 1, long.MaxValue).Text("reason", reason, MaxReason)
            .Check(photos.Count <= MaxPhotos, "photoIds", $"must name at most {MaxPhotos} photos.").ThrowIfInvalid();
        EnsureRefundable(amountFen, paidFen, refundedFen);
        return new AfterSalesCase(orderId, cooperativeId, buyerId, paidFen - refundedFen, amountFen, reason!.Trim(), photos, AfterSalesStatus.Requested,
            now, now, [new AfterSalesStep(now, "request", buyerId, amountFen, reason.Trim())], byCard);
    }

    /// <summary>The cooperative agrees to refund what the buyer asked for.</summary>
    public static AfterSalesCase Accept(AfterSalesCase c, string by, DateTimeOffset now)
    {
        Require(c, "accept", AfterSalesStatus.Requested);
        return Step(c with { Status = AfterSalesStatus.Approved, AgreedFen = c.RequestedFen }, now, "accept", by, c.RequestedFen, null);
    }

    /// <summary>The cooperative offers a smaller amount (at least 1 fen, less than asked), with a note.</summary>
    public static AfterSalesCase Propose(AfterSalesCase c, long amountFen, string? note, string by, DateTimeOffset now)
    {
        Require(c, "propose", AfterSalesStatus.Requested);
        new Validator().Range("amountFen", amountFen, 1, c.RequestedFen - 1).Text("note", note, MaxNote).ThrowIfInvalid();
        return Step(c with { Status = AfterSalesStatus.Proposed, ProposedFen = amountFen }, now, "propose", by, amountFen, note!.Trim());
    }

    public static AfterSalesCase Refuse(AfterSalesCase c, string? note, string by, DateTimeOffset now)
    {
        Require(c, "refuse", AfterSalesStatus.Requested);
        new Validator().Text("note", note, MaxNote).ThrowIfInvalid();
        return Step(c with { Status = AfterSalesStatus.Refused }, now, "refuse", by, null, note!.Trim());
    }

    /// <summary>The buyer takes the cooperative's proposal.</summary>
    public static AfterSalesCase AcceptProposal(AfterSalesCase c, string by, DateTimeOffset now)
    {
        Require(c, "accept-proposal", AfterSalesStatus.Proposed);
        return Step(c with { Status = AfterSalesStatus.Approved, AgreedFen = c.ProposedFen }, now, "accept-proposal", by, c.ProposedFen, null);
    }

    /// <summary>The buyer takes a proposal or a refusal to the operator.</summary>
    public static AfterSalesCase Escalate(AfterSalesCase c, string? note, string by, DateTimeOffset now)
    {
        Require(c, "escalate", AfterSalesStatus.Proposed, AfterSalesStatus.Refused);
        new Validator().Text("note", note, MaxNote, required: false).ThrowIfInvalid();
        return Step(c with { Status = AfterSalesStatus.Escalated }, now, "escalate", by, null, note?.Trim());
    }

    /// <summary>The operator decides an escalated case: an amount up to what is still refundable, 0 for none, with the reason.</summary>
    public static AfterSalesCase Decide(AfterSalesCase c, long amountFen, string? note, string by, DateTimeOffset now)
    {
        Require(c, "decide", AfterSalesStatus.Escalated);
        new Validator().Range("amountFen", amountFen, 0, long.MaxValue).Text("note", note, MaxNote).ThrowIfInvalid();
        EnsureRefundable(amountFen, c.PaidFen, 0);
        return amountFen == 0
            ? Step(c with { Status = AfterSalesStatus.Closed }, now, "decide", by, 0, note!.Trim())
            : Step(c with { Status = AfterSalesStatus.Approved, AgreedFen = amountFen }, now, "decide", by, amountFen, note!.Trim());
    }

    /// <summary>The agreed amount went back to the buyer under <paramref name="reference"/>.</summary>
    public static AfterSalesCase Refunded(AfterSalesCase c, string reference, DateTimeOffset now)
    {
        Require(c, "refund", AfterSalesStatus.Approved);
        return Step(c with { Status = AfterSalesStatus.Refunded, RefundReference = reference }, now, "refunded", "system", c.AgreedFen, reference);
    }

    /// <summary>At most what was paid for the sub-order less what was refunded already.</summary>
    public static void EnsureRefundable(long amountFen, long paidFen, long refundedFen)
    {
        var refundable = paidFen - refundedFen;
        if (amountFen > refundable)
            throw new RuleViolationException("aftersales.amount-exceeds",
                $"最多可退 {Money.FromFen(refundable)}（实付 {Money.FromFen(paidFen)}，已退 {Money.FromFen(refundedFen)}），申请的是 {Money.FromFen(amountFen)}。", unprocessable: true);
    }

    private static void Require(AfterSalesCase c, string action, params AfterSalesStatus[] allowed)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!allowed.Contains(c.Status))
            throw new RuleViolationException(WrongState, $"售后申请当前状态为 {c.Status}，不能执行 {action}。");
    }

    private static AfterSalesCase Step(AfterSalesCase c, DateTimeOffset now, string what, string by, long? amountFen, string? note) =>
        c with { UpdatedAt = now, Steps = [.. c.Steps, new AfterSalesStep(now, what, by, amountFen, note)] };

    private static readonly TimeSpan China = TimeSpan.FromHours(8);
}

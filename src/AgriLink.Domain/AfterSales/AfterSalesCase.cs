namespace AgriLink.Domain.AfterSales;

/// <summary>
/// A buyer's after-sales case (售后) about one cooperative's delivered part of an order: the amount asked for and why, the
/// cooperative's answer, the operator's decision when escalated, the amount agreed and — once refunded — the refund's
/// reference (a Stripe refund id, or the credit note's number for an invoiced order). <see cref="PaidFen"/> is the
/// sub-order's amount, <see cref="Steps"/> the few steps a case takes (at most six).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.AfterSalesCase")]
public sealed record AfterSalesCase(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string CooperativeId,
    [property: Id(2)] string BuyerId,
    [property: Id(3)] long PaidFen,
    [property: Id(4)] long RequestedFen,
    [property: Id(5)] string Reason,
    [property: Id(6)] IReadOnlyList<string> PhotoIds,
    [property: Id(7)] AfterSalesStatus Status,
    [property: Id(8)] DateTimeOffset RequestedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] IReadOnlyList<AfterSalesStep> Steps,
    [property: Id(11)] bool ByCard,
    [property: Id(12)] long? ProposedFen = null,
    [property: Id(13)] long? AgreedFen = null,
    [property: Id(14)] string? RefundReference = null)
{
    /// <summary>The case's key, <c>{order}:{cooperative}</c>: one case per sub-order.</summary>
    public string Key => $"{OrderId}:{CooperativeId}";

    /// <summary>Still waiting for someone: the cooperative, the buyer, the operator or the refund.</summary>
    public bool Open => Status is not (AfterSalesStatus.Refunded or AfterSalesStatus.Closed);
}

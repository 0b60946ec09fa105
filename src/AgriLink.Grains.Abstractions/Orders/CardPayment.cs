namespace AgriLink.Grains.Orders;

/// <summary>A card payment confirmed by the gateway (e.g. a Stripe PaymentIntent that succeeded).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CardPayment")]
public sealed record CardPayment(
    [property: Id(0)] string Provider,
    [property: Id(1)] string PaymentReference,
    [property: Id(2)] long AmountFen,
    [property: Id(3)] DateTimeOffset PaidAt);

/// <summary>A refund the gateway confirmed, of the whole order or of one cooperative's sub-order.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CardRefund")]
public sealed record CardRefund(
    [property: Id(0)] string Provider,
    [property: Id(1)] string RefundReference,
    [property: Id(2)] long AmountFen,
    [property: Id(3)] DateTimeOffset RefundedAt,
    [property: Id(4)] string? CooperativeId = null);

/// <summary>
/// The outcome of recording a card payment. <see cref="NeedsRefund"/> is true when the money arrived for an order
/// that can no longer take it (cancelled, expired): the caller refunds it through the gateway.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.PaymentOutcome")]
public sealed record PaymentOutcome(
    [property: Id(0)] OrderDetails Order,
    [property: Id(1)] bool AlreadyRecorded,
    [property: Id(2)] bool NeedsRefund);

/// <summary>
/// An after-sales refund (售后) of part or all of a delivered sub-order, agreed in the case <see cref="CaseKey"/>
/// (<c>{order}:{cooperative}</c>) and paid back under <see cref="Reference"/>: a Stripe refund id, or a credit note's number.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.AfterSalesRefund")]
public sealed record AfterSalesRefund(
    [property: Id(0)] string CaseKey,
    [property: Id(1)] string CooperativeId,
    [property: Id(2)] long AmountFen,
    [property: Id(3)] string Reference,
    [property: Id(4)] DateTimeOffset RefundedAt);

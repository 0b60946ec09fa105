using AgriLink.Domain.Orders;
using AgriLink.Grains.Listings;

namespace AgriLink.Grains.Orders;

[GenerateSerializer, Immutable, Alias("AgriLink.OrderLine")]
public sealed record OrderLine(
    [property: Id(0)] int LineNo,
    [property: Id(1)] ReservedLine Reserved);

/// <summary>
/// One cooperative's part of an order: it ships, is invoiced and is paid on its own. <see cref="RefundPending"/>:
/// cancelled after its card payment, the gateway owes the buyer <see cref="AmountFen"/> (status stays Cancelled until
/// <c>RecordRefund</c> makes it Refunded).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.SubOrder")]
public sealed record SubOrder(
    [property: Id(0)] string CooperativeId,
    [property: Id(1)] OrderStatus Status,
    [property: Id(2)] IReadOnlyList<OrderLine> Lines,
    [property: Id(3)] long AmountFen,
    [property: Id(4)] string? InvoiceNumber = null,
    [property: Id(5)] string? PaymentReference = null,
    [property: Id(6)] bool RefundPending = false);

[GenerateSerializer, Immutable, Alias("AgriLink.OrderEvent")]
public sealed record OrderEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string What,
    [property: Id(2)] string By,
    [property: Id(3)] string? CooperativeId = null);

/// <summary>
/// An order as its buyer sees it. <see cref="Status"/> summarises the sub-orders (the least advanced live one).
/// <see cref="PaymentDueBy"/> is set for card orders awaiting payment: unpaid by then, the order is cancelled and its stock released.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.OrderDetails")]
public sealed record OrderDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string BuyerId,
    [property: Id(2)] PaymentMethod PaymentMethod,
    [property: Id(3)] OrderStatus Status,
    [property: Id(4)] IReadOnlyList<SubOrder> SubOrders,
    [property: Id(5)] long TotalFen,
    [property: Id(6)] string DeliveryRegionCode,
    [property: Id(7)] string DeliveryAddress,
    [property: Id(8)] string? Note,
    [property: Id(9)] DateTimeOffset PlacedAt,
    [property: Id(10)] DateTimeOffset? PaymentDueBy,
    [property: Id(11)] string? PaymentReference,
    [property: Id(12)] IReadOnlyList<OrderEvent> History);

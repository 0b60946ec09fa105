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
    [property: Id(6)] bool RefundPending = false,
    [property: Id(7)] Shipment? Shipment = null,
    [property: Id(8)] long RefundedFen = 0);

/// <summary>
/// How a sub-order travels: a courier and its tracking number, or the cooperative's own vehicle and the day it
/// delivers (<see cref="ShipmentRules"/>). <see cref="DeliveryDate"/> is optional with a courier (its expected day).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Shipment")]
public sealed record Shipment(
    [property: Id(0)] Carrier Carrier,
    [property: Id(1)] string? TrackingNumber,
    [property: Id(2)] DateOnly? DeliveryDate);

[GenerateSerializer, Immutable, Alias("AgriLink.OrderEvent")]
public sealed record OrderEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string What,
    [property: Id(2)] string By,
    [property: Id(3)] string? CooperativeId = null);

/// <summary>
/// An order as its buyer sees it. <see cref="Status"/> summarises the sub-orders (the least advanced live one).
/// <see cref="PaymentDueBy"/> is set for card orders awaiting payment: unpaid by then, the order is cancelled and its stock released.
/// <see cref="RecipientPhone"/> is for those who deliver: the API leaves it out for a cooperative whose part is not shipping.
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
    [property: Id(12)] IReadOnlyList<OrderEvent> History,
    [property: Id(13)] string? RecipientName = null,
    [property: Id(14)] string? RecipientPhone = null,
    [property: Id(15)] DateOnly? RequestedDeliveryDate = null)
{
    /// <summary>When the cooperative's part was last confirmed delivered (its latest "delivered" event), or null.</summary>
    public DateTimeOffset? DeliveredAt(string cooperativeId) =>
        History.LastOrDefault(e => e.What == "delivered" && e.CooperativeId == cooperativeId)?.At;
}

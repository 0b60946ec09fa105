namespace AgriLink.Domain.Orders;

/// <summary>
/// The status of one sub-order (one cooperative's part of an order). Card: placed → awaiting payment → paid →
/// shipped → delivered → completed. Invoice: placed → shipped → delivered → (invoiced, then) paid → completed.
/// Cancelled and refunded are final.
/// </summary>
[GenerateSerializer, Alias("AgriLink.OrderStatus")]
public enum OrderStatus
{
    Placed = 0,
    AwaitingPayment = 1,
    Paid = 2,
    Shipped = 3,
    Delivered = 4,
    Completed = 5,
    Cancelled = 6,
    Refunded = 7,
}

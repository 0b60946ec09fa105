using AgriLink.Domain.Orders;

namespace AgriLink.Grains.Orders;

/// <summary>
/// One line of an order list: the whole order in a buyer's list, one sub-order in a cooperative's.
/// <see cref="Revision"/> grows with every change, so a late, older update never overwrites a newer one.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.OrderSummary")]
public sealed record OrderSummary(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string BuyerId,
    [property: Id(2)] string? CooperativeId,
    [property: Id(3)] OrderStatus Status,
    [property: Id(4)] PaymentMethod PaymentMethod,
    [property: Id(5)] long AmountFen,
    [property: Id(6)] DateTimeOffset PlacedAt,
    [property: Id(7)] int Revision);

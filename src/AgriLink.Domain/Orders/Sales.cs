namespace AgriLink.Domain.Orders;

/// <summary>What the operator dashboard counts as a sale.</summary>
public static class Sales
{
    /// <summary>
    /// A placed invoice order is a firm purchase (budget units are delivered first and invoiced monthly), so it counts;
    /// a card order awaiting payment does not yet (unpaid, it is cancelled when its hold runs out); cancelled and
    /// refunded sub-orders never do.
    /// </summary>
    public static bool IsSale(OrderStatus status) =>
        status is not (OrderStatus.AwaitingPayment or OrderStatus.Cancelled or OrderStatus.Refunded);

    /// <summary>Every status that counts as a sale.</summary>
    public static IReadOnlyList<OrderStatus> SaleStatuses { get; } = [.. Enum.GetValues<OrderStatus>().Where(IsSale)];
}

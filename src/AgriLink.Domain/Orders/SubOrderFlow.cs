namespace AgriLink.Domain.Orders;

/// <summary>
/// Where one sub-order stands. <see cref="Paid"/> says the money arrived (card before shipping, invoice after
/// delivery); <see cref="Invoiced"/> that a monthly invoice covers it; <see cref="RefundPending"/> that it was
/// cancelled after a card payment, so the gateway owes the buyer a refund (it becomes Refunded when confirmed).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.SubOrderFlow")]
public sealed record SubOrderFlow(
    [property: Id(0)] PaymentMethod Method,
    [property: Id(1)] OrderStatus Status,
    [property: Id(2)] bool Paid = false,
    [property: Id(3)] bool Invoiced = false,
    [property: Id(4)] bool RefundPending = false)
{
    /// <summary>A new sub-order: card orders wait for payment at once, invoice orders stay placed until shipped.</summary>
    public static SubOrderFlow Start(PaymentMethod method) =>
        new(method, method == PaymentMethod.Card ? OrderStatus.AwaitingPayment : OrderStatus.Placed);

    public bool IsFinal => Status is OrderStatus.Completed or OrderStatus.Cancelled or OrderStatus.Refunded;

    public bool IsLive => Status is not (OrderStatus.Cancelled or OrderStatus.Refunded);

    /// <summary>Not yet shipped and not cancelled: the stock is still the cooperative's to put back.</summary>
    public bool BeforeShipping => Status is OrderStatus.Placed or OrderStatus.AwaitingPayment or OrderStatus.Paid;

    /// <summary>How far along the sub-order is, for summarising an order by its least advanced part.</summary>
    public int Progress => Status switch
    {
        OrderStatus.Placed => 0,
        OrderStatus.AwaitingPayment => 1,
        OrderStatus.Paid => Method == PaymentMethod.Card ? 2 : 5,
        OrderStatus.Shipped => 3,
        OrderStatus.Delivered => 4,
        _ => 6,
    };
}

using AgriLink.Domain.Orders;

namespace AgriLink.Grains.Orders;

[GenerateSerializer, Alias("AgriLink.OrderState")]
public sealed record OrderState
{
    /// <summary>The command as placed (normalized); a repeat of it returns the order, anything else is refused.</summary>
    [Id(0)] public PlaceOrder? Command { get; init; }
    [Id(1)] public DateTimeOffset PlacedAt { get; init; }
    [Id(2)] public DateTimeOffset? PaymentDueBy { get; init; }
    [Id(3)] public string? PaymentProvider { get; init; }
    [Id(4)] public string? PaymentReference { get; init; }
    [Id(5)] public IReadOnlyList<SubOrderState> SubOrders { get; init; } = [];
    [Id(6)] public IReadOnlyList<OrderEvent> History { get; init; } = [];
    /// <summary>Card payments already recorded, by gateway reference, and whether each had to be refunded.</summary>
    [Id(7)] public IReadOnlyDictionary<string, bool> Payments { get; init; } = new Dictionary<string, bool>();
    [Id(8)] public IReadOnlyList<string> Refunds { get; init; } = [];
}

/// <summary>
/// One cooperative's part. The flags record work done after a transition was saved, so it is retried (and done once)
/// after a failure: stock put back after a cancel, member trade and buyer quota posted after completion.
/// </summary>
[GenerateSerializer, Alias("AgriLink.SubOrderState")]
public sealed record SubOrderState
{
    [Id(0)] public required string CooperativeId { get; init; }
    [Id(1)] public required SubOrderFlow Flow { get; init; }
    [Id(2)] public IReadOnlyList<OrderLine> Lines { get; init; } = [];
    [Id(3)] public long AmountFen { get; init; }
    [Id(4)] public string? InvoiceNumber { get; init; }
    [Id(5)] public string? BankReference { get; init; }
    [Id(6)] public bool StockReturned { get; init; }
    [Id(7)] public DateOnly? CompletedOn { get; init; }
    [Id(8)] public bool TradePosted { get; init; }
    [Id(9)] public bool QuotaPosted { get; init; }
    /// <summary>How it was shipped; null before shipping, and for parts shipped before shipments were recorded.</summary>
    [Id(10)] public Shipment? Shipment { get; init; }
    /// <summary>After-sales refunds of the delivered part (售后), each once per case, with its reversals' progress.</summary>
    [Id(11)] public IReadOnlyList<AfterSalesRefundState> AfterSalesRefunds { get; init; } = [];

    public long RefundedFen => AfterSalesRefunds.Sum(r => r.Refund.AmountFen);

    public bool NeedsStockReturn => !Flow.IsLive && !StockReturned;

    /// <summary>
    /// Completed and not yet posted, or a refund whose reversal is owed. A reversal waits for the posting it reverses
    /// (an invoice order completes only when paid), so it always lands in the year and month the sale was counted in.
    /// </summary>
    public bool NeedsPosting => Flow.Status == OrderStatus.Completed
        && (!TradePosted || !QuotaPosted || AfterSalesRefunds.Any(r => !r.TradeReversed || !r.QuotaReversed));
}

/// <summary>An after-sales refund and whether its member trade and quota reversals were posted.</summary>
[GenerateSerializer, Alias("AgriLink.AfterSalesRefundState")]
public sealed record AfterSalesRefundState
{
    [Id(0)] public required AfterSalesRefund Refund { get; init; }
    [Id(1)] public bool TradeReversed { get; init; }
    [Id(2)] public bool QuotaReversed { get; init; }
}

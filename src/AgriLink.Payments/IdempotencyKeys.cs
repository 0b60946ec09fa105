namespace AgriLink.Payments;

/// <summary>One place for the keys of Stripe writes and ledger postings: each names the business fact it records.</summary>
public static class IdempotencyKeys
{
    public static string PaymentIntent(string orderId) => $"agrilink:pi:{orderId}";

    /// <summary>
    /// The order's Checkout Session: one per order while it is open. A session that expired is replaced by one keyed by
    /// the expired session, so every retry after an expiry still finds the same replacement.
    /// </summary>
    public static string CheckoutSession(string orderId, string? replacing = null) =>
        replacing is null ? $"agrilink:checkout:{orderId}" : $"agrilink:checkout:{orderId}:after:{replacing}";

    public static string Refund(string orderId, string? cooperativeId) => $"agrilink:refund:{orderId}:{cooperativeId ?? "order"}";

    /// <summary>The refund an after-sales case (<c>{order}:{cooperative}</c>) agreed: one per case.</summary>
    public static string AfterSalesRefund(string caseKey) => $"agrilink:aftersales-refund:{caseKey}";

    public static string Transfer(string orderId, string cooperativeId, PayoutRole role) =>
        $"agrilink:transfer:{orderId}:{cooperativeId}:{role.ToString().ToLowerInvariant()}";

    public static string Reversal(string transferId) => $"agrilink:reversal:{transferId}";

    /// <summary>The ledger transfer of a card payment.</summary>
    public static string LedgerPayment(string paymentIntentId) => $"stripe:{paymentIntentId}";

    /// <summary>The ledger transfer of a card refund.</summary>
    public static string LedgerRefund(string refundId) => $"stripe:{refundId}";
}

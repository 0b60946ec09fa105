namespace AgriLink.Payments;

/// <summary>
/// One Stripe PaymentIntent (key: its id, <c>pi_…</c>). Every event about it, and every refund of it, goes through
/// this grain one at a time; each reconciles the order with what Stripe says now, not with what the event said, so
/// duplicates and events out of order end in the same state. Processed event ids are stored, so each is handled once.
/// </summary>
[Alias("AgriLink.IStripePaymentGrain")]
public interface IStripePaymentGrain : IGrainWithStringKey
{
    /// <summary>Handles one webhook event (or, with no event id, a reconciliation the platform asks for).</summary>
    [Alias("Reconcile")] Task<Reconciliation> Reconcile(string? eventId);

    /// <summary>Refunds a cooperative's paid (not shipped) or cancelled-after-payment sub-order through Stripe, then reconciles.</summary>
    [Alias("Refund")] Task<Reconciliation> Refund(string cooperativeId);

    /// <summary>
    /// Refunds an amount agreed after sales for a delivered sub-order (once per case: the idempotency key is the case), records
    /// it with the order and the ledger, and answers the refund's id.
    /// </summary>
    [Alias("RefundAfterSales")] Task<string> RefundAfterSales(string cooperativeId, string caseKey, long amountFen);
}

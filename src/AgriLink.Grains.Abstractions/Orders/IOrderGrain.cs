using AgriLink.Domain.Orders;
using Orleans.Concurrency;

namespace AgriLink.Grains.Orders;

/// <summary>
/// One order (key: <c>ord-…</c>). Placing reserves stock at every listing (all or nothing) and splits the order
/// into sub-orders per cooperative. Each transition checks who asks (<see cref="OrderActor"/>) and refuses illegal
/// ones with a rule violation. Payment and refund records are idempotent by their reference.
/// </summary>
[Alias("AgriLink.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    [Alias("Place")] Task<OrderDetails> Place(PlaceOrder command, OrderActor actor);

    /// <summary>
    /// <see cref="Place"/>, but a line refused by its listing (sold out, not available, below the minimum) is answered
    /// (<see cref="PlaceOutcome.Refused"/>, nothing stored), not thrown. Other failures still throw.
    /// </summary>
    [Alias("TryPlace")] Task<PlaceOutcome> TryPlace(PlaceOrder command, OrderActor actor);
    [Alias("Get"), AlwaysInterleave] Task<OrderDetails> Get();
    [Alias("Exists"), AlwaysInterleave] Task<bool> Exists();

    /// <summary>Remembers the gateway's payment reference (e.g. the PaymentIntent id) for a card order awaiting payment.</summary>
    [Alias("AttachPayment")] Task<OrderDetails> AttachPayment(string provider, string paymentReference);

    /// <summary>A card payment arrived: awaiting payment → paid (every sub-order), once per payment reference.</summary>
    [Alias("RecordCardPayment")] Task<PaymentOutcome> RecordCardPayment(CardPayment payment);

    /// <summary>A card refund the gateway confirmed: paid sub-orders → refunded, once per refund reference.</summary>
    [Alias("RecordRefund")] Task<OrderDetails> RecordRefund(CardRefund refund);

    /// <summary>
    /// An after-sales refund of a delivered sub-order (its status stays): once per case, at most what was paid less what was
    /// refunded. The member trade and quota the sale posted are reversed for the amount, once, by the order's follow-up work.
    /// </summary>
    [Alias("RecordAfterSalesRefund")] Task<OrderDetails> RecordAfterSalesRefund(AfterSalesRefund refund);

    /// <summary>
    /// The cooperative ships its sub-order, saying how (<see cref="Shipment"/>, checked by <c>ShipmentRules</c>); null
    /// ships without details, as before they were asked for (the demo's older orders, callers that have none).
    /// </summary>
    [Alias("Ship")] Task<OrderDetails> Ship(string cooperativeId, OrderActor actor, Shipment? shipment = null);

    /// <summary>The buyer (or the cooperative, with proof) confirms delivery of a sub-order.</summary>
    [Alias("ConfirmDelivery")] Task<OrderDetails> ConfirmDelivery(string cooperativeId, OrderActor actor);

    /// <summary>An invoice covering this sub-order was issued (invoice orders, after delivery).</summary>
    [Alias("MarkInvoiced")] Task<OrderDetails> MarkInvoiced(string cooperativeId, string invoiceNumber);

    /// <summary>The cooperative received the bank transfer for the invoice covering this sub-order.</summary>
    [Alias("RecordInvoicePayment")] Task<OrderDetails> RecordInvoicePayment(string cooperativeId, string invoiceNumber, string bankReference, OrderActor actor);

    /// <summary>Cancels the order (or one cooperative's sub-order) before shipping; stock goes back.</summary>
    [Alias("Cancel")] Task<OrderDetails> Cancel(OrderActor actor, string reason, string? cooperativeId = null);

    /// <summary>A listing's hold for this order ran out: confirm the sale or release the stock (cancelling the unpaid order).</summary>
    [Alias("ReservationExpiring")] Task<ReservationVerdict> ReservationExpiring(string listingId);
}

using AgriLink.Grains.Orders;
using Stripe;
using Stripe.Checkout;

namespace AgriLink.Payments;

/// <summary>
/// The Stripe calls card payments make. Every write carries an idempotency key derived from the business fact
/// (the order, the sub-order, the share), so a retry after a lost response never charges, refunds or pays twice.
/// </summary>
public interface IStripeGateway
{
    string Currency { get; }

    Task<PaymentIntent> CreatePaymentIntent(OrderDetails order, CancellationToken ct = default);

    Task<PaymentIntent> GetPaymentIntent(string paymentIntentId, CancellationToken ct = default);

    /// <summary>
    /// A hosted Checkout Session (mode payment) for the order's total; its PaymentIntent carries the order id, so it
    /// reconciles like any other. Keyed by the order, or, once a session expired, by the one it replaces.
    /// </summary>
    Task<Session> CreateCheckoutSession(OrderDetails order, string successUrl, string cancelUrl, string? replacing = null, CancellationToken ct = default);

    Task<Session> GetCheckoutSession(string sessionId, CancellationToken ct = default);

    Task<IReadOnlyList<Refund>> ListRefunds(string paymentIntentId, CancellationToken ct = default);

    /// <summary>
    /// Refunds one cooperative's sub-order, or the whole payment when <paramref name="cooperativeId"/> is null; with
    /// <paramref name="afterSalesCase"/>, the amount agreed in that after-sales case (keyed and tagged by the case).
    /// </summary>
    Task<Refund> Refund(string paymentIntentId, string orderId, string? cooperativeId, long amountFen, CancellationToken ct = default, string? afterSalesCase = null);

    Task<Transfer> Transfer(string orderId, string cooperativeId, PayoutShare share, string chargeId, CancellationToken ct = default);

    Task<TransferReversal> ReverseTransfer(string transferId, CancellationToken ct = default);
}

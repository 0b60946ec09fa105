using AgriLink.Grains.Orders;
using Stripe;

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

    Task<IReadOnlyList<Refund>> ListRefunds(string paymentIntentId, CancellationToken ct = default);

    /// <summary>Refunds one cooperative's sub-order, or the whole payment when <paramref name="cooperativeId"/> is null.</summary>
    Task<Refund> Refund(string paymentIntentId, string orderId, string? cooperativeId, long amountFen, CancellationToken ct = default);

    Task<Transfer> Transfer(string orderId, string cooperativeId, PayoutShare share, string chargeId, CancellationToken ct = default);

    Task<TransferReversal> ReverseTransfer(string transferId, CancellationToken ct = default);
}

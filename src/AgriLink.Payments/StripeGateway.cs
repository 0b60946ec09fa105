using AgriLink.Domain.Orders;
using AgriLink.Grains.Orders;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace AgriLink.Payments;

/// <summary><see cref="IStripeGateway"/> over Stripe.net's <see cref="StripeClient"/>, on an HttpClient from the factory.</summary>
public sealed class StripeGateway : IStripeGateway
{
    public const string Provider = "stripe";

    private readonly StripeClient _client;

    public StripeGateway(HttpClient http, IOptions<StripeOptions> options)
    {
        var o = options.Value;
        Currency = o.Currency;
        _client = new StripeClient(new StripeClientOptions
        {
            ApiKey = o.SecretKey,
            ApiBase = string.IsNullOrEmpty(o.ApiBase) ? null : o.ApiBase.TrimEnd('/'),
            HttpClient = new SystemNetHttpClient(http, o.MaxNetworkRetries, appInfo: null, enableTelemetry: false),
        });
    }

    public string Currency { get; }

    public Task<PaymentIntent> CreatePaymentIntent(OrderDetails order, CancellationToken ct = default) =>
        _client.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = order.TotalFen,
            Currency = Currency,
            TransferGroup = order.Id,
            Description = $"AgriLink order {order.Id}",
            Metadata = new Dictionary<string, string> { ["order_id"] = order.Id, ["buyer_id"] = order.BuyerId },
        }, Key(IdempotencyKeys.PaymentIntent(order.Id)), ct);

    public Task<Session> CreateCheckoutSession(OrderDetails order, string successUrl, string cancelUrl, string? replacing = null, CancellationToken ct = default)
    {
        var metadata = new Dictionary<string, string> { ["order_id"] = order.Id, ["buyer_id"] = order.BuyerId };
        return _client.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            SuccessUrl = successUrl,
            CancelUrl = cancelUrl,
            ClientReferenceId = order.Id,
            Metadata = metadata,
            // One line per cooperative: the buyer sees who is paid what, and the lines add up to the order's total.
            LineItems = order.SubOrders.Where(s => s.Status == OrderStatus.AwaitingPayment).Select(s => new SessionLineItemOptions
            {
                Quantity = 1,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = Currency,
                    UnitAmount = s.AmountFen,
                    ProductData = new SessionLineItemPriceDataProductDataOptions
                    {
                        Name = $"AgriLink {order.Id} · {s.CooperativeId}",
                        Description = string.Join("; ", s.Lines.Select(l => l.Reserved.Title)),
                    },
                },
            }).ToList(),
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                TransferGroup = order.Id,
                Description = $"AgriLink order {order.Id}",
                Metadata = new Dictionary<string, string>(metadata),
            },
        }, Key(IdempotencyKeys.CheckoutSession(order.Id, replacing)), ct);
    }

    public Task<Session> GetCheckoutSession(string sessionId, CancellationToken ct = default) =>
        _client.V1.Checkout.Sessions.GetAsync(sessionId, cancellationToken: ct);

    // Reads carry no idempotency key: Stripe ignores keys on GET.
    public Task<PaymentIntent> GetPaymentIntent(string paymentIntentId, CancellationToken ct = default) =>
        _client.V1.PaymentIntents.GetAsync(paymentIntentId, cancellationToken: ct);

    public async Task<IReadOnlyList<Refund>> ListRefunds(string paymentIntentId, CancellationToken ct = default)
    {
        var refunds = new List<Refund>();
        await foreach (var refund in _client.V1.Refunds.ListAutoPagingAsync(new RefundListOptions { PaymentIntent = paymentIntentId, Limit = 100 }, cancellationToken: ct))
            refunds.Add(refund);
        return refunds;
    }

    /// <summary>The refund's metadata naming the after-sales case it pays (its sub-order stays delivered).</summary>
    public const string AfterSalesCaseMetadata = "aftersales_case";

    public Task<Refund> Refund(string paymentIntentId, string orderId, string? cooperativeId, long amountFen, CancellationToken ct = default, string? afterSalesCase = null)
    {
        var metadata = new Dictionary<string, string> { ["order_id"] = orderId };
        if (cooperativeId is not null) metadata["cooperative_id"] = cooperativeId;
        if (afterSalesCase is not null) metadata[AfterSalesCaseMetadata] = afterSalesCase;
        return _client.V1.Refunds.CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = paymentIntentId,
            Amount = amountFen,
            Metadata = metadata,
        }, Key(afterSalesCase is null ? IdempotencyKeys.Refund(orderId, cooperativeId) : IdempotencyKeys.AfterSalesRefund(afterSalesCase)), ct);
    }

    public Task<Transfer> Transfer(string orderId, string cooperativeId, PayoutShare share, string chargeId, CancellationToken ct = default) =>
        _client.V1.Transfers.CreateAsync(new TransferCreateOptions
        {
            Amount = share.AmountFen,
            Currency = Currency,
            Destination = share.Account,
            TransferGroup = orderId,
            SourceTransaction = chargeId,
            Metadata = new Dictionary<string, string>
            {
                ["order_id"] = orderId,
                ["cooperative_id"] = cooperativeId,
                ["role"] = share.Role.ToString().ToLowerInvariant(),
            },
        }, Key(IdempotencyKeys.Transfer(orderId, cooperativeId, share.Role)), ct);

    public Task<TransferReversal> ReverseTransfer(string transferId, CancellationToken ct = default) =>
        _client.V1.Transfers.Reversals.CreateAsync(transferId, new TransferReversalCreateOptions(), Key(IdempotencyKeys.Reversal(transferId)), ct);

    private static RequestOptions Key(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };
}

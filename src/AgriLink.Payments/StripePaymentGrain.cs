using AgriLink.Domain.Errors;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Orders;
using AgriLink.Storage;
using AgriLink.Storage.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace AgriLink.Payments;

public sealed class StripePaymentGrain(
    [PersistentState("stripe-payment", StorageNames.Main)] IPersistentState<StripePaymentState> state,
    IStripeGateway stripe,
    ILedger ledger,
    IOptions<StripeOptions> options,
    TimeProvider clock,
    ILogger<StripePaymentGrain> logger) : Grain, IStripePaymentGrain
{
    private const string Succeeded = "succeeded";

    private string PaymentIntentId => this.GetPrimaryKeyString();

    private PayoutOptions Payouts => options.Value.Payouts;

    public async Task<Reconciliation> Reconcile(string? eventId)
    {
        if (eventId is not null && state.State.ProcessedEvents.Contains(eventId))
            return new Reconciliation(PaymentIntentId, null, "duplicate", true, 0, 0, 0);

        var result = await ReconcileWithStripe();
        if (eventId is not null) state.State.ProcessedEvents.Add(eventId);
        await state.WriteStateAsync();
        return result;
    }

    public async Task<Reconciliation> Refund(string cooperativeId)
    {
        var intent = await stripe.GetPaymentIntent(PaymentIntentId);
        var orderId = OrderIdOf(intent) ?? throw new NotFoundException("payment", PaymentIntentId);
        if (intent.Status != Succeeded)
            throw new RuleViolationException("payment.not-paid", "Only a card payment that succeeded can be refunded.");
        var order = await GrainFactory.GetGrain<IOrderGrain>(orderId).Get();
        var sub = order.SubOrders.FirstOrDefault(s => s.CooperativeId == cooperativeId)
            ?? throw new NotFoundException("sub-order", $"{orderId}/{cooperativeId}");
        if (sub.Status != OrderStatus.Refunded)
        {
            if (!Refundable(sub))
                throw new RuleViolationException("payment.not-refundable",
                    $"The sub-order of '{cooperativeId}' is {sub.Status}: only a paid sub-order before shipping, or one cancelled after payment, is refunded.");
            await stripe.Refund(PaymentIntentId, orderId, cooperativeId, sub.AmountFen);
        }
        return await Reconcile(null);
    }

    public async Task<string> RefundAfterSales(string cooperativeId, string caseKey, long amountFen)
    {
        var intent = await stripe.GetPaymentIntent(PaymentIntentId);
        var orderId = OrderIdOf(intent) ?? throw new NotFoundException("payment", PaymentIntentId);
        if (intent.Status != Succeeded)
            throw new RuleViolationException("payment.not-paid", "Only a card payment that succeeded can be refunded.");
        var refund = await stripe.Refund(PaymentIntentId, orderId, cooperativeId, amountFen, afterSalesCase: caseKey);
        await Reconcile(null);
        return refund.Id;
    }

    private static bool Refundable(SubOrder sub) => sub.Status == OrderStatus.Paid || sub is { Status: OrderStatus.Cancelled, RefundPending: true };

    /// <summary>Brings the order, the ledger and the payouts in line with the intent and its refunds as Stripe has them now.</summary>
    private async Task<Reconciliation> ReconcileWithStripe()
    {
        var intent = await stripe.GetPaymentIntent(PaymentIntentId);
        var orderId = OrderIdOf(intent);
        if (orderId is null || intent.Status != Succeeded)
        {
            logger.LogInformation("Payment {PaymentIntentId} of order {OrderId} is {Status}: nothing to record", PaymentIntentId, orderId, intent.Status);
            return new Reconciliation(PaymentIntentId, orderId, intent.Status, false, 0, 0, 0);
        }

        var orderGrain = GrainFactory.GetGrain<IOrderGrain>(orderId);
        state.State.PaidAt ??= clock.GetUtcNow();
        var outcome = await orderGrain.RecordCardPayment(new CardPayment(StripeGateway.Provider, intent.Id, intent.AmountReceived, state.State.PaidAt.Value));
        state.State.Applied ??= !outcome.NeedsRefund;
        var applied = state.State.Applied.Value;
        await ledger.PostAsync(PaymentLedger.Payment(intent.Id, outcome.Order, intent.AmountReceived, applied, Payouts, state.State.PaidAt.Value));
        if (!applied)
            await stripe.Refund(intent.Id, orderId, null, intent.AmountReceived);

        else
            foreach (var pending in outcome.Order.SubOrders.Where(s => s is { Status: OrderStatus.Cancelled, RefundPending: true }))
                await stripe.Refund(intent.Id, orderId, pending.CooperativeId, pending.AmountFen);

        var refunds = await RecordRefunds(orderGrain, intent, applied);
        var order = await orderGrain.Get();
        var (made, reversed) = applied ? await Payout(order, intent) : (0, 0);
        logger.LogInformation("Payment {PaymentIntentId} of order {OrderId} reconciled: {Refunds} refunds, {Made} transfers, {Reversed} reversals",
            PaymentIntentId, orderId, refunds, made, reversed);
        return new Reconciliation(PaymentIntentId, orderId, intent.Status, false, refunds, made, reversed);
    }

    /// <summary>
    /// Records each refund Stripe has completed, once. Money the order never took (refused payment) goes back without
    /// touching the order; otherwise the refunded sub-orders are the one the refund names, or every refundable one.
    /// </summary>
    private async Task<int> RecordRefunds(IOrderGrain orderGrain, PaymentIntent intent, bool applied)
    {
        var recorded = 0;
        foreach (var refund in (await stripe.ListRefunds(intent.Id)).Where(r => r.Status == Succeeded).OrderBy(r => r.Created))
        {
            if (state.State.RecordedRefunds.Contains(refund.Id)) continue;
            var cooperativeId = refund.Metadata?.GetValueOrDefault("cooperative_id");
            var at = clock.GetUtcNow();
            IReadOnlyList<SubOrder> refunded = [];
            if (applied && refund.Metadata?.GetValueOrDefault(StripeGateway.AfterSalesCaseMetadata) is { } afterSalesCase && cooperativeId is not null)
            {
                // Part of a delivered sub-order, agreed after sales: the sub-order stays delivered, the order counts the refund.
                refunded = (await orderGrain.Get()).SubOrders.Where(s => s.CooperativeId == cooperativeId).ToList();
                await orderGrain.RecordAfterSalesRefund(new AfterSalesRefund(afterSalesCase, cooperativeId, refund.Amount, refund.Id, at));
            }
            else if (applied)
            {
                var before = await orderGrain.Get();
                refunded = before.SubOrders.Where(s => cooperativeId is null ? Refundable(s) : s.CooperativeId == cooperativeId).ToList();
                await orderGrain.RecordRefund(new CardRefund(StripeGateway.Provider, refund.Id, refund.Amount, at, cooperativeId));
            }
            await ledger.PostAsync(PaymentLedger.Refund(refund.Id, intent.Metadata["order_id"], refunded, refund.Amount, Payouts, at));
            state.State.RecordedRefunds.Add(refund.Id);
            await state.WriteStateAsync();
            recorded++;
        }
        return recorded;
    }

    /// <summary>Transfers each live sub-order's shares once; reverses the transfers of sub-orders since cancelled or refunded.</summary>
    private async Task<(int Made, int Reversed)> Payout(OrderDetails order, PaymentIntent intent)
    {
        int made = 0, reversed = 0;
        foreach (var sub in order.SubOrders)
        {
            var live = sub.Status is not (OrderStatus.Cancelled or OrderStatus.Refunded);
            if (live)
            {
                foreach (var share in PayoutSplit.Split(sub.CooperativeId, sub.AmountFen, Payouts))
                {
                    if (share.Account is null || share.AmountFen == 0) continue;
                    if (state.State.Transfers.Any(t => t.CooperativeId == sub.CooperativeId && t.Role == share.Role)) continue;
                    var transfer = await stripe.Transfer(order.Id, sub.CooperativeId, share, intent.LatestChargeId);
                    state.State.Transfers.Add(new PayoutTransfer(sub.CooperativeId, share.Role, transfer.Id, share.AmountFen));
                    await state.WriteStateAsync();
                    made++;
                }
            }
            else
            {
                foreach (var transfer in state.State.Transfers.Where(t => t.CooperativeId == sub.CooperativeId && !t.Reversed).ToList())
                {
                    await stripe.ReverseTransfer(transfer.TransferId);
                    state.State.Transfers[state.State.Transfers.IndexOf(transfer)] = transfer with { Reversed = true };
                    await state.WriteStateAsync();
                    reversed++;
                }
            }
        }
        return (made, reversed);
    }

    private static string? OrderIdOf(PaymentIntent intent) => intent.Metadata?.GetValueOrDefault("order_id");
}

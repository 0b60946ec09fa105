using AgriLink.Domain.Errors;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Common;
using AgriLink.Grains.Listings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgriLink.Grains.Orders;

/// <summary>
/// An order and its sub-orders. Placing holds stock at every listing first and stores the order only when all holds
/// were granted (else it releases them and stores nothing). The holds stay unconfirmed until the sub-order ships, so
/// a cancel before shipping releases exactly what was held (the listing API cannot take back a confirmed sale). A
/// hold that runs out makes the listing ask <see cref="ReservationExpiring"/>: unpaid card orders lapse (release),
/// live unshipped ones keep holding (extend), shipped ones are confirmed; so a lost confirmation or release heals itself. Work after a saved transition
/// (stock back after a cancel, trade and quota postings after completion) is flagged per sub-order and retried until done.
/// </summary>
public sealed partial class OrderGrain(
    [PersistentState("order", GrainStorage.Main)] IPersistentState<OrderState> state,
    TimeProvider clock,
    IOptions<MarketplaceOptions> options,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);
    private IGrainTimer? _retry;

    private string Id => this.GetPrimaryKeyString();
    private OrderState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Work saved as pending (stock to return, trade and quota to post) whose retry timer died with the last
        // activation is taken up again. (The order lists are rows written with the order's state: nothing to re-tell.)
        if (S.SubOrders.Any(s => s.NeedsStockReturn || s.NeedsPosting)) ScheduleRetry(TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    public Task<bool> Exists() => Task.FromResult(S.Command is not null);

    public Task<OrderDetails> Get() => Task.FromResult(Details());

    public async Task<OrderDetails> Place(PlaceOrder command, OrderActor actor)
    {
        var outcome = await TryPlace(command, actor);
        return outcome.Refused is { } refused ? throw refused.ToException() : outcome.Order!;
    }

    public async Task<PlaceOutcome> TryPlace(PlaceOrder command, OrderActor actor)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        OrderRules.Validate(command.BuyerId, command.PaymentMethod, command.Lines?.Select(l => ((string?)l?.ListingId, l?.Quantity ?? 0)).ToList(),
            command.DeliveryRegionCode, command.DeliveryAddress, command.Note, command.RecipientName, command.RecipientPhone, command.RequestedDeliveryDate);
        var normalized = Normalize(command);
        if (S.Command is { } placed)
        {
            if (!SameCommand(placed, normalized))
                throw new RuleViolationException("order.exists", $"Order '{Id}' was already placed with other contents; a new order needs a new idempotency key.");
            // A retried placement: answered from the stored order, finishing any work its first run left pending.
            await SettleIfPending();
            return new PlaceOutcome(Details(), null);
        }
        if (actor.Role is not (ActorRole.Buyer or ActorRole.Platform))
            throw new RuleViolationException(OrderStateMachine.NotAllowed, "Only a buyer or a platform operator places orders.");
        // The window is the grain's rule too, for a new order only: a retry on a later day is answered from the stored order.
        OrderRules.CheckRequestedDate(normalized.RequestedDeliveryDate, clock.Today());
        if (!await GrainFactory.Get<IBuyerGrain>(normalized.BuyerId).Exists())
            throw ValidationFailedException.For("buyerId", $"No buyer with id '{normalized.BuyerId}' is registered.");

        var now = clock.Now();
        var card = normalized.PaymentMethod == PaymentMethod.Card;
        var holdUntil = now + (card ? options.Value.PaymentHold : options.Value.InvoiceHold);
        var (reserved, refused) = await ReserveAll(normalized.Lines, holdUntil);
        if (refused is not null)
        {
            // Nothing was stored and nothing is held: this activation has nothing to keep (a flash sale refuses most).
            DeactivateOnIdle();
            BusinessMetrics.OrderRefused(refused.Code);
            return new PlaceOutcome(null, refused);
        }

        var by = By(actor);
        var history = new List<OrderEvent> { new(now, "placed", by) };
        if (card) history.Add(new(now, "awaiting-payment", by));
        var subOrders = reserved.Select((r, i) => new OrderLine(i + 1, r))
            .GroupBy(l => l.Reserved.CooperativeId, StringComparer.Ordinal)
            .Select(g => new SubOrderState
            {
                CooperativeId = g.Key, Flow = SubOrderFlow.Start(normalized.PaymentMethod), Lines = g.ToList(), AmountFen = g.Sum(l => l.Reserved.AmountFen),
            })
            .ToList();
        var raised = await state.CommitAsync(new OrderState
        {
            Command = normalized, PlacedAt = now, PaymentDueBy = card ? holdUntil : null, SubOrders = subOrders, History = history,
        }, sequence => Changed("order.placed", sequence), () => AuditEntries.For("order", Id, null, Details()));
        LogPlaced(Id, normalized.BuyerId, subOrders.Count, normalized.PaymentMethod);
        BusinessMetrics.OrderPlaced(normalized.PaymentMethod.ToString());
        Live.MarketEvents.Publish(GrainFactory, raised);
        return new PlaceOutcome(Details(), null);
    }

    public async Task<OrderDetails> AttachPayment(string provider, string paymentReference)
    {
        new Validator().Text("provider", provider, 40).Text("paymentReference", paymentReference, 200).ThrowIfInvalid();
        RequireCard();
        await SettleIfPending();
        if (S.PaymentReference == paymentReference && S.PaymentProvider == provider) return Details();
        if (!S.SubOrders.Any(s => s.Flow.Status == OrderStatus.AwaitingPayment))
            throw new RuleViolationException(OrderStateMachine.IllegalTransition, $"Order '{Id}' is not awaiting payment.");
        await Save(S with { PaymentProvider = provider, PaymentReference = paymentReference },
            new OrderEvent(clock.Now(), "payment-attached", $"{provider}:{paymentReference}"));
        return Details();
    }

    public async Task<PaymentOutcome> RecordCardPayment(CardPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        new Validator().Text("provider", payment.Provider, 40).Text("paymentReference", payment.PaymentReference, 200)
            .Range("amountFen", payment.AmountFen, 1, long.MaxValue).ThrowIfInvalid();
        RequireCard();
        await SettleIfPending();
        if (S.Payments.TryGetValue(payment.PaymentReference, out var refunded))
            return new PaymentOutcome(Details(), AlreadyRecorded: true, NeedsRefund: refunded);

        var awaiting = S.SubOrders.Where(s => s.Flow.Status == OrderStatus.AwaitingPayment).ToList();
        var due = awaiting.Sum(s => s.AmountFen);
        var actor = OrderActor.System(payment.Provider);
        var at = clock.Now();
        // Money for an order that can no longer take it (cancelled, or a different amount) goes back to the payer.
        var accept = awaiting.Count > 0 && payment.AmountFen == due;
        var payments = new Dictionary<string, bool>(S.Payments) { [payment.PaymentReference] = !accept };
        if (!accept)
        {
            await Save(S with { Payments = payments },
                new OrderEvent(at, $"payment-refused:{payment.AmountFen}-of-{due}", By(actor)));
            LogPaymentRefused(Id, payment.PaymentReference, payment.AmountFen, due);
            return new PaymentOutcome(Details(), AlreadyRecorded: false, NeedsRefund: true);
        }
        var (next, events) = Transition(S.SubOrders, awaiting.Select(s => s.CooperativeId), OrderAction.PayByCard, actor, at);
        await Save(S with
        {
            SubOrders = next, Payments = payments,
            PaymentProvider = payment.Provider, PaymentReference = payment.PaymentReference,
        }, events, "payment.received");
        return new PaymentOutcome(Details(), AlreadyRecorded: false, NeedsRefund: false);
    }

    public async Task<OrderDetails> RecordRefund(CardRefund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        new Validator().Text("provider", refund.Provider, 40).Text("refundReference", refund.RefundReference, 200)
            .Range("amountFen", refund.AmountFen, 1, long.MaxValue).ThrowIfInvalid();
        RequireCard();
        await SettleIfPending();
        if (S.Refunds.Contains(refund.RefundReference)) return Details();
        var targets = refund.CooperativeId is { } coop
            ? [SubOrder(coop).CooperativeId]
            : S.SubOrders.Where(s => s.Flow.RefundPending || s.Flow.Status == OrderStatus.Paid).Select(s => s.CooperativeId).ToList();
        if (targets.Count == 0)
            throw new RuleViolationException(OrderStateMachine.IllegalTransition, $"Order '{Id}' has nothing paid to refund.");
        var (next, events) = Transition(S.SubOrders, targets, OrderAction.Refund, OrderActor.System(refund.Provider), clock.Now());
        await Save(S with { SubOrders = next, Refunds = [.. S.Refunds, refund.RefundReference] }, events, "payment.refunded");
        await Settle();
        return Details();
    }

    public async Task<OrderDetails> RecordAfterSalesRefund(AfterSalesRefund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        new Validator().Text("caseKey", refund.CaseKey, 200).Text("reference", refund.Reference, 200)
            .Range("amountFen", refund.AmountFen, 1, long.MaxValue).ThrowIfInvalid();
        await SettleIfPending();
        var sub = SubOrder(refund.CooperativeId);
        if (sub.AfterSalesRefunds.Any(r => r.Refund.CaseKey == refund.CaseKey)) return Details();
        if (sub.Flow.Status is not (OrderStatus.Delivered or OrderStatus.Completed))
            throw new RuleViolationException(OrderStateMachine.IllegalTransition, $"Only a delivered sub-order is refunded after sales; '{refund.CooperativeId}' is {sub.Flow.Status}.");
        Domain.AfterSales.AfterSalesRules.EnsureRefundable(refund.AmountFen, sub.AmountFen, sub.RefundedFen);
        var next = S.SubOrders.Select(s => s.CooperativeId == refund.CooperativeId
            ? s with { AfterSalesRefunds = [.. s.AfterSalesRefunds, new AfterSalesRefundState { Refund = refund }] }
            : s).ToList();
        await Save(S with { SubOrders = next },
            [new OrderEvent(clock.Now(), $"aftersales-refunded:{refund.AmountFen}:{refund.Reference}", "system (System)", refund.CooperativeId)], "order.refunded");
        await Settle();
        return Details();
    }

    /// <summary>
    /// Shipping makes the sale final at the listings: until then a cancel simply releases the held stock. The shipment
    /// (carrier, tracking number or own delivery date) is saved on the sub-order with the transition, and the event
    /// <c>order.shipped</c> carries it to the buyer.
    /// </summary>
    public async Task<OrderDetails> Ship(string cooperativeId, OrderActor actor, Shipment? shipment = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (shipment is not null)
        {
            ShipmentRules.Validate(shipment.Carrier, shipment.TrackingNumber, shipment.DeliveryDate, clock.Today());
            shipment = shipment with { TrackingNumber = ShipmentRules.NormalizeTracking(shipment.TrackingNumber) };
        }
        SubOrder(cooperativeId);
        await SettleIfPending();
        var (next, events) = Transition(S.SubOrders, [cooperativeId], OrderAction.Ship, actor, clock.Now(), s => s with { Shipment = shipment });
        await Save(S with { SubOrders = next }, events, "order.shipped");
        await Settle();
        await ConfirmStock(S.SubOrders.Where(s => s.CooperativeId == cooperativeId));
        return Details();
    }

    public Task<OrderDetails> ConfirmDelivery(string cooperativeId, OrderActor actor) =>
        Act(OrderAction.ConfirmDelivery, cooperativeId, actor);

    public async Task<OrderDetails> MarkInvoiced(string cooperativeId, string invoiceNumber)
    {
        new Validator().Text("invoiceNumber", invoiceNumber, 40).ThrowIfInvalid();
        await SettleIfPending();
        var sub = SubOrder(cooperativeId);
        if (sub.InvoiceNumber is { } existing)
            return existing == invoiceNumber ? Details() : throw new RuleViolationException("order.already-invoiced",
                $"The sub-order of '{cooperativeId}' is already on invoice {existing}.");
        var at = clock.Now();
        var (next, events) = Transition(S.SubOrders, [cooperativeId], OrderAction.MarkInvoiced, OrderActor.System("invoicing"), at,
            s => s with { InvoiceNumber = invoiceNumber });
        await Save(S with { SubOrders = next }, events);
        return Details();
    }

    public async Task<OrderDetails> RecordInvoicePayment(string cooperativeId, string invoiceNumber, string bankReference, OrderActor actor)
    {
        new Validator().Text("invoiceNumber", invoiceNumber, 40).Text("bankReference", bankReference, 100).ThrowIfInvalid();
        await SettleIfPending();
        var sub = SubOrder(cooperativeId);
        if (sub.InvoiceNumber is not null && sub.InvoiceNumber != invoiceNumber)
            throw new RuleViolationException("order.invoice-mismatch", $"The sub-order of '{cooperativeId}' is on invoice {sub.InvoiceNumber}, not {invoiceNumber}.");
        if (sub.Flow.Paid && sub.BankReference == bankReference) return Details();
        var at = clock.Now();
        var (next, events) = Transition(S.SubOrders, [cooperativeId], OrderAction.RecordInvoicePayment, actor, at,
            s => s with { BankReference = bankReference });
        await Save(S with { SubOrders = next }, events, "payment.received");
        await Settle();
        return Details();
    }

    public async Task<OrderDetails> Cancel(OrderActor actor, string reason, string? cooperativeId = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        new Validator().Text("reason", reason, 500).ThrowIfInvalid();
        await SettleIfPending();
        var targets = cooperativeId is null
            ? Existing().SubOrders.Where(s => s.Flow.IsLive).Select(s => s.CooperativeId).ToList()
            : SubOrder(cooperativeId) is { Flow.IsLive: true } one ? [one.CooperativeId] : [];
        // Cancelling what is already cancelled changes nothing (a retried request).
        if (targets.Count == 0) return Details();
        var at = clock.Now();
        var (next, events) = Transition(S.SubOrders, targets, OrderAction.Cancel, actor, at);
        events.Add(new OrderEvent(at, $"reason:{reason.Trim()}", By(actor), cooperativeId));
        await Save(S with { SubOrders = next }, events);
        LogCancelled(Id, cooperativeId ?? "(all)", actor.Role);
        await Settle();
        return Details();
    }

    public async Task<ReservationVerdict> ReservationExpiring(string listingId)
    {
        // Never stored (a placement that failed half-way): nothing to keep, and nothing to write.
        if (S.Command is null) return ReservationVerdict.Release;
        var sub = S.SubOrders.FirstOrDefault(s => s.Lines.Any(l => l.Reserved.ListingId == listingId));
        if (sub is null || !sub.Flow.IsLive) return ReservationVerdict.Release;
        // Shipped goods are sold. Before shipping the hold stays releasable, so a cancel puts the stock back exactly.
        if (sub.Flow.Status is OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Completed) return ReservationVerdict.Confirm;
        if (sub.Flow.Status != OrderStatus.AwaitingPayment) return ReservationVerdict.Extend;

        // An unpaid card order whose hold ran out lapses as a whole. Other listings are not called from here: their
        // holds run out at the same moment and they ask too (calling them could wait on a listing that waits on us).
        var awaiting = S.SubOrders.Where(s => s.Flow.Status == OrderStatus.AwaitingPayment).Select(s => s.CooperativeId).ToList();
        var at = clock.Now();
        var (next, events) = Transition(S.SubOrders, awaiting, OrderAction.Cancel, OrderActor.System("payment-deadline"), at,
            s => s with { StockReturned = true });
        events.Add(new OrderEvent(at, "reason:unpaid by the payment deadline", "payment-deadline (System)"));
        await Save(S with { SubOrders = next }, events);
        LogExpired(Id, listingId);
        return ReservationVerdict.Release;
    }

    private async Task<OrderDetails> Act(OrderAction action, string cooperativeId, OrderActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        SubOrder(cooperativeId);
        await SettleIfPending();
        var (next, events) = Transition(S.SubOrders, [cooperativeId], action, actor, clock.Now());
        await Save(S with { SubOrders = next }, events);
        await Settle();
        return Details();
    }

    /// <summary>Applies the state machine to each named sub-order; all or nothing.</summary>
    private static (List<SubOrderState> Next, List<OrderEvent> Events) Transition(
        IReadOnlyList<SubOrderState> subOrders, IEnumerable<string> cooperativeIds, OrderAction action, OrderActor actor, DateTimeOffset at,
        Func<SubOrderState, SubOrderState>? also = null)
    {
        var targets = cooperativeIds.ToHashSet(StringComparer.Ordinal);
        var events = new List<OrderEvent>();
        var next = subOrders.Select(sub =>
        {
            if (!targets.Contains(sub.CooperativeId)) return sub;
            var t = OrderStateMachine.Apply(sub.Flow, action, actor, sub.CooperativeId);
            events.AddRange(t.Steps.Select(step => new OrderEvent(at, step, By(actor), sub.CooperativeId)));
            var changed = sub with
            {
                Flow = t.Next,
                CompletedOn = t.Next.Status == OrderStatus.Completed ? DateOnly.FromDateTime(at.DateTime) : sub.CompletedOn,
            };
            return also is null ? changed : also(changed);
        }).ToList();
        return (next, events);
    }

    /// <summary>Stores the change and tells live clients: <paramref name="eventName"/> says what happened (a payment, say).</summary>
    private async Task Save(OrderState next, IEnumerable<OrderEvent> events, string eventName = "order.changed")
    {
        var before = S.Command is null ? null : Details();
        var raised = await state.CommitAsync(next with { History = [.. next.History, .. events] }, sequence => Changed(eventName, sequence),
            () => AuditEntries.For("order", Id, before, Details()));
        Live.MarketEvents.Publish(GrainFactory, raised);
    }

    private Task Save(OrderState next, OrderEvent single) => Save(next, [single]);

    /// <summary>
    /// The events telling the buyer (the whole order) and each cooperative (its own sub-order only) that the order changed,
    /// numbered by the stored row's version: one more per write, so a client that sees a jump re-fetches the order.
    /// </summary>
    private IReadOnlyList<Live.MarketEvent> Changed(string name, long sequence)
    {
        if (S.Command is not { } command) return [];
        var at = clock.Now();
        var resource = $"order:{Id}";
        var details = Details();
        var events = new List<Live.MarketEvent>
        {
            Live.MarketEvents.Create($"buyer:{command.BuyerId}", name, resource, sequence, at, new
            {
                orderId = Id, buyerId = command.BuyerId, status = details.Status.ToString(), totalFen = details.TotalFen,
                subOrders = details.SubOrders.Select(sub => new { sub.CooperativeId, status = sub.Status.ToString(), sub.AmountFen, shipment = Wire(sub.Shipment) }),
            }),
        };
        events.AddRange(details.SubOrders.Select(sub => Live.MarketEvents.Create($"coop:{sub.CooperativeId}", name, resource, sequence, at, new
        {
            orderId = Id, buyerId = command.BuyerId, sub.CooperativeId, status = sub.Status.ToString(), sub.AmountFen,
            paymentMethod = command.PaymentMethod.ToString(), shipment = Wire(sub.Shipment),
        })));
        return events;
    }

    /// <summary>A shipment as live clients read it (names, not numbers, as the API's JSON has them).</summary>
    private static object? Wire(Shipment? shipment) => shipment is null
        ? null
        : new { carrier = shipment.Carrier.ToString(), shipment.TrackingNumber, deliveryDate = shipment.DeliveryDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };

    private OrderState Existing() => S.Command is null ? throw new NotFoundException("order", Id) : S;

    private SubOrderState SubOrder(string cooperativeId) =>
        Existing().SubOrders.FirstOrDefault(s => s.CooperativeId == cooperativeId)
        ?? throw new NotFoundException("sub-order", $"{Id}/{cooperativeId}");

    private void RequireCard()
    {
        if (Existing().Command!.PaymentMethod != PaymentMethod.Card)
            throw new RuleViolationException("order.not-card", $"Order '{Id}' is paid by invoice, not by card.", unprocessable: true);
    }

    private static string By(OrderActor actor) => $"{actor.Name} ({actor.Role})";
}

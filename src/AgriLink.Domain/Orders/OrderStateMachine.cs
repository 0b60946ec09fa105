using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Orders;

/// <summary>
/// Who may do what to a sub-order, and when. Card: awaiting payment → paid (System) → shipped (its cooperative) →
/// delivered (buyer or platform) → completed. Invoice: placed → shipped → delivered → invoiced (System) → paid (its
/// cooperative or platform) → completed. Completion follows by itself once a sub-order is both delivered and paid.
/// Before shipping the buyer, its cooperative or the platform may cancel; the System cancels only unpaid card
/// orders. A paid card sub-order that is cancelled waits for its refund.
/// The actor is checked first (<c>order.not-allowed</c>), then the status (<c>order.illegal-transition</c>).
/// </summary>
public static class OrderStateMachine
{
    public const string NotAllowed = "order.not-allowed";
    public const string IllegalTransition = "order.illegal-transition";

    public static OrderTransition Apply(SubOrderFlow flow, OrderAction action, OrderActor actor, string cooperativeId)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayAct(action, actor, cooperativeId))
            throw new RuleViolationException(NotAllowed,
                $"A {Describe(actor, cooperativeId)} may not {Verb(action)} the sub-order of cooperative '{cooperativeId}'.");
        return Next(flow, action, actor.Role) ?? throw new RuleViolationException(IllegalTransition,
            $"Cannot {Verb(action)} the sub-order of cooperative '{cooperativeId}': it is {Describe(flow)}.");
    }

    /// <summary>The role check alone; a cooperative acts only on its own sub-order.</summary>
    public static bool MayAct(OrderAction action, OrderActor actor, string cooperativeId)
    {
        var own = actor.Role == ActorRole.Cooperative && string.Equals(actor.CooperativeId, cooperativeId, StringComparison.Ordinal);
        return action switch
        {
            OrderAction.PayByCard or OrderAction.MarkInvoiced or OrderAction.Refund => actor.Role == ActorRole.System,
            OrderAction.Ship => own,
            OrderAction.ConfirmDelivery => actor.Role is ActorRole.Buyer or ActorRole.Platform,
            OrderAction.RecordInvoicePayment => own || actor.Role == ActorRole.Platform,
            OrderAction.Cancel => own || actor.Role is ActorRole.Buyer or ActorRole.Platform or ActorRole.System,
            _ => false,
        };
    }

    private static OrderTransition? Next(SubOrderFlow f, OrderAction action, ActorRole role)
    {
        var card = f.Method == PaymentMethod.Card;
        return action switch
        {
            OrderAction.PayByCard when card && f.Status == OrderStatus.AwaitingPayment =>
                Go(f with { Status = OrderStatus.Paid, Paid = true }, "paid"),
            OrderAction.Ship when (card ? f.Status == OrderStatus.Paid : f.Status == OrderStatus.Placed) =>
                Go(f with { Status = OrderStatus.Shipped }, "shipped"),
            OrderAction.ConfirmDelivery when f.Status == OrderStatus.Shipped => f.Paid
                ? Go(f with { Status = OrderStatus.Completed }, "delivered", "completed")
                : Go(f with { Status = OrderStatus.Delivered }, "delivered"),
            OrderAction.MarkInvoiced when !card && f.Status == OrderStatus.Delivered && !f.Invoiced =>
                Go(f with { Invoiced = true }, "invoiced"),
            OrderAction.RecordInvoicePayment when !card && f.Status == OrderStatus.Delivered && f.Invoiced =>
                Go(f with { Status = OrderStatus.Completed, Paid = true }, "paid", "completed"),
            // The System only lets unpaid card orders lapse; people cancel anything not yet shipped.
            OrderAction.Cancel when (role == ActorRole.System ? f.Status == OrderStatus.AwaitingPayment : f.BeforeShipping) => f.Paid
                ? Go(f with { Status = OrderStatus.Cancelled, RefundPending = true }, "cancelled", "refund-pending")
                : Go(f with { Status = OrderStatus.Cancelled }, "cancelled"),
            // A refund the gateway made for a paid sub-order not yet shipped also cancels it.
            OrderAction.Refund when f.Status == OrderStatus.Cancelled && f.RefundPending =>
                Go(f with { Status = OrderStatus.Refunded, RefundPending = false }, "refunded"),
            OrderAction.Refund when card && f.Status == OrderStatus.Paid =>
                Go(f with { Status = OrderStatus.Refunded }, "cancelled", "refunded"),
            _ => null,
        };
    }

    private static OrderTransition Go(SubOrderFlow next, params string[] steps) => new(next, steps);

    private static string Verb(OrderAction action) => action switch
    {
        OrderAction.PayByCard => "record a card payment for",
        OrderAction.Ship => "ship",
        OrderAction.ConfirmDelivery => "confirm delivery of",
        OrderAction.MarkInvoiced => "invoice",
        OrderAction.RecordInvoicePayment => "record the invoice payment for",
        OrderAction.Cancel => "cancel",
        OrderAction.Refund => "refund",
        _ => action.ToString(),
    };

    private static string Describe(OrderActor actor, string cooperativeId) => actor.Role switch
    {
        ActorRole.Buyer => "buyer",
        ActorRole.Cooperative when actor.CooperativeId != cooperativeId => "cooperative other than the seller",
        ActorRole.Cooperative => "cooperative",
        ActorRole.Platform => "platform operator",
        _ => "system process",
    };

    private static string Describe(SubOrderFlow f) => f.Status switch
    {
        OrderStatus.Placed => "placed and not yet shipped",
        OrderStatus.AwaitingPayment => "awaiting payment",
        OrderStatus.Paid => "paid",
        OrderStatus.Shipped => "already shipped",
        OrderStatus.Delivered => f.Invoiced ? "delivered and invoiced" : "delivered and not yet invoiced",
        OrderStatus.Completed => "completed",
        OrderStatus.Cancelled => f.RefundPending ? "cancelled with a refund pending" : "cancelled",
        _ => "refunded",
    };
}

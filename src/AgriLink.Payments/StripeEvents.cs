using Stripe;

namespace AgriLink.Payments;

/// <summary>The webhook events card payments act on, and the PaymentIntent each is about.</summary>
public static class StripeEvents
{
    public static readonly IReadOnlySet<string> Handled = new HashSet<string>(StringComparer.Ordinal)
    {
        "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
        "charge.refunded", "charge.refund.updated", "refund.created", "refund.updated",
        // Stripe Checkout (the browser's card payment): the session's PaymentIntent reconciles like any other.
        "checkout.session.completed", "checkout.session.async_payment_succeeded",
    };

    /// <summary>The intent the event is about, or null for events card payments ignore.</summary>
    public static string? PaymentIntentOf(Event stripeEvent) =>
        !Handled.Contains(stripeEvent.Type) ? null : stripeEvent.Data?.Object switch
        {
            PaymentIntent intent => intent.Id,
            Charge charge => charge.PaymentIntentId,
            Refund refund => refund.PaymentIntentId,
            Stripe.Checkout.Session session => session.PaymentIntentId,
            _ => null,
        };
}

using Stripe;

namespace AgriLink.Payments;

/// <summary>The webhook events card payments act on, and the PaymentIntent each is about.</summary>
public static class StripeEvents
{
    public static readonly IReadOnlySet<string> Handled = new HashSet<string>(StringComparer.Ordinal)
    {
        "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
        "charge.refunded", "charge.refund.updated", "refund.created", "refund.updated",
    };

    /// <summary>The intent the event is about, or null for events card payments ignore.</summary>
    public static string? PaymentIntentOf(Event stripeEvent) =>
        !Handled.Contains(stripeEvent.Type) ? null : stripeEvent.Data?.Object switch
        {
            PaymentIntent intent => intent.Id,
            Charge charge => charge.PaymentIntentId,
            Refund refund => refund.PaymentIntentId,
            _ => null,
        };
}

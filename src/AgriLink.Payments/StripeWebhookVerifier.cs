using Microsoft.Extensions.Options;
using Stripe;

namespace AgriLink.Payments;

/// <summary>Checks a webhook body against its <c>Stripe-Signature</c> header with Stripe.net's own code, on the injected clock.</summary>
public sealed class StripeWebhookVerifier(IOptions<StripeOptions> options, TimeProvider clock)
{
    public const string SignatureHeader = "Stripe-Signature";

    /// <summary>The verified event, or null with the reason when the body is tampered, stale, unsigned or not an event.</summary>
    public Event? Verify(string body, string? signature, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(signature))
        {
            problem = $"The {SignatureHeader} header is missing.";
            return null;
        }
        try
        {
            return EventUtility.ConstructEvent(body, signature, options.Value.WebhookSecret, options.Value.WebhookToleranceSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException e)
        {
            // Stripe.net says which check failed (no matching signature, timestamp outside the tolerance zone, bad JSON).
            problem = e.Message;
            return null;
        }
    }
}

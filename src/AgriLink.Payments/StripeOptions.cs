using System.ComponentModel.DataAnnotations;

namespace AgriLink.Payments;

/// <summary>
/// The <c>Stripe</c> configuration section. Card payments exist only when <see cref="SecretKey"/> is set:
/// without it nothing of Stripe is registered, mapped or described.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    [Required] public string SecretKey { get; set; } = "";

    /// <summary>The signing secret of the webhook endpoint (<c>whsec_…</c>).</summary>
    [Required] public string WebhookSecret { get; set; } = "";

    /// <summary>Handed to the browser with the client secret; optional.</summary>
    public string? PublishableKey { get; set; }

    /// <summary>Another Stripe API base (tests point it at an in-process fake); null for api.stripe.com.</summary>
    public string? ApiBase { get; set; }

    /// <summary>
    /// Where Stripe Checkout's hosted pages live: the buyer's "pay by card" form is redirected there, so the pages'
    /// <c>form-action</c> policy allows this origin (tests point it at the fake).
    /// </summary>
    public string CheckoutOrigin { get; set; } = "https://checkout.stripe.com";

    /// <summary>ISO currency, lower case. Fen are Stripe's minor unit of CNY.</summary>
    [Required, RegularExpression("^[a-z]{3}$")] public string Currency { get; set; } = "cny";

    /// <summary>How old a signed webhook may be before it is refused as a replay (Stripe's default: 300 s).</summary>
    [Range(1, 3600)] public int WebhookToleranceSeconds { get; set; } = 300;

    /// <summary>Stripe.net's own retries of a failed call (same idempotency key each time).</summary>
    [Range(0, 5)] public int MaxNetworkRetries { get; set; } = 2;

    public PayoutOptions Payouts { get; set; } = new();
}

namespace AgriLink.Web.Apis;

/// <summary>What the buyer's browser needs to confirm the card payment with Stripe.js.</summary>
public sealed record CardPaymentIntent(string PaymentIntentId, string ClientSecret, long AmountFen, string Currency, string? PublishableKey);

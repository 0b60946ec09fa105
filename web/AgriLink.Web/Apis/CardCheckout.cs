namespace AgriLink.Web.Apis;

/// <summary>
/// A Stripe Checkout Session for a card order: the browser goes to <see cref="Url"/> (Stripe's hosted page) and comes
/// back to the order page. <see cref="Status"/> is Stripe's: open, complete (then <see cref="Url"/> is null) or expired.
/// </summary>
public sealed record CardCheckout(string SessionId, string? Url, string Status, long AmountFen, string Currency);

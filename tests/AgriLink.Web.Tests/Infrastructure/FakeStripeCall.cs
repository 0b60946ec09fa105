namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>One request the fake Stripe received, with the form it carried and whether it was a replay.</summary>
public sealed record FakeStripeCall(string Method, string Path, string? IdempotencyKey, IReadOnlyDictionary<string, string> Form, int Status, bool Replayed);

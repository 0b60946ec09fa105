namespace AgriLink.Web.Apis;

/// <summary>Why the order is cancelled; with <see cref="CooperativeId"/>, only that cooperative's sub-order.</summary>
public sealed record CancelOrderRequest(string Reason, string? CooperativeId = null);

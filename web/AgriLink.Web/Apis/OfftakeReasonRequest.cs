namespace AgriLink.Web.Apis;

/// <summary>Why a contract is declined (optional) or terminated (required).</summary>
public sealed record OfftakeReasonRequest(string? Reason);

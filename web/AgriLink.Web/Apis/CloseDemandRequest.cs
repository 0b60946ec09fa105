namespace AgriLink.Web.Apis;

public sealed record CloseDemandRequest(string? Reason = null);

using AgriLink.Domain.Dividends;

namespace AgriLink.Web.Apis;

public sealed record ResolveObjectionRequest(ObjectionOutcome Outcome, string? Resolution);

using AgriLink.Domain.Households;

namespace AgriLink.Web.Apis;

public sealed record ChangePovertyStatusRequest(PovertyStatus Status, DateOnly EffectiveOn, string? Reason);

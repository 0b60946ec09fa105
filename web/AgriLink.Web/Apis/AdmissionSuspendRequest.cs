using AgriLink.Domain.Cooperatives;

namespace AgriLink.Web.Apis;

/// <summary>Why the platform suspends a cooperative: the kind of complaint and what it was about.</summary>
public sealed record AdmissionSuspendRequest(AdmissionSuspensionReason? Reason, string? Text);

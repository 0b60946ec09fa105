namespace AgriLink.Web.Apis;

/// <summary>Why the platform rejects an application.</summary>
public sealed record AdmissionRejectRequest(string? Reason);

using System.Security.Claims;

namespace AgriLink.Web.Apis;

/// <summary>What every API handler needs: the grains, the audit trail and the caller.</summary>
public sealed record ApiServices(IGrainFactory Grains, AuditTrail Audit, ClaimsPrincipal User);

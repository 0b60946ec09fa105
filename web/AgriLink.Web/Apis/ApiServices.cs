using System.Security.Claims;

namespace AgriLink.Web.Apis;

/// <summary>What every API handler needs: the grains, the audit trail, the caller, and the lists (projections) to read.</summary>
public sealed record ApiServices(
    IGrainFactory Grains, AuditTrail Audit, ClaimsPrincipal User, Grains.Projections.DirectoryQueries Lists, Grains.Projections.OrderQueries OrderLists);

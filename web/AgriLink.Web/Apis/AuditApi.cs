using AgriLink.Storage.Audit;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>The audit log, newest first, for fund oversight and public notice (公示).</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Roles.PlatformAdmin);
        api.MapGet("/", Read).WithName("ReadAuditLog")
            .WithSummary("Administrative actions: who, what, when, before and after. Page with beforeId.");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<AuditEntry>>> Read(
        IAuditLog log, string? resourceType, string? resourceId, string? actor, long? beforeId, int? limit, CancellationToken ct)
    {
        var query = new AuditQuery(resourceType, resourceId, actor, beforeId, Paging.Limit(limit, 100));
        return TypedResults.Ok(await log.ReadAsync(query, ct));
    }
}

using System.Security.Claims;
using System.Text.Json;
using AgriLink.Storage.Audit;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AgriLink.Web.Apis;

/// <summary>Writes who changed what, with the object before and after, to the append-only audit log.</summary>
public sealed class AuditTrail(IAuditLog log, IOptions<JsonOptions> json)
{
    public Task Record(ClaimsPrincipal user, string action, string resourceType, string resourceId, object? before, object? after) =>
        log.AppendAsync(Actor(user), action, resourceType, resourceId, Json(before), Json(after));

    private static string Actor(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? $"{user.Identity?.Name} ({id})" : user.Identity?.Name ?? "system";

    private string? Json(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions);
}

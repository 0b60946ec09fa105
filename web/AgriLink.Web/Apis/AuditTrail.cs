using System.Security.Claims;
using System.Text.Json;
using AgriLink.Storage.Audit;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AgriLink.Web.Apis;

/// <summary>
/// Who changed what, with the object before and after, in the append-only audit log. <see cref="Declare"/> is the way:
/// the grain that owns the resource writes the entry in the transaction of the change. <see cref="Record"/> writes one
/// afterwards, for the commands not yet moved (an entry a crash in between can lose).
/// </summary>
public sealed class AuditTrail(IAuditLog log, IOptions<JsonOptions> json)
{
    /// <summary>
    /// Declares the audited action for the grain calls that follow in this request, until disposed: the grain owning
    /// <paramref name="resourceType"/> <paramref name="resourceId"/> writes the entry with its change.
    /// </summary>
    public IDisposable Declare(ClaimsPrincipal user, string action, string resourceType, string resourceId)
    {
        Grains.Audit.AuditIntent.Declare(Actor(user), action, resourceType, resourceId);
        return new Declared();
    }

    /// <summary>
    /// Declares the audited action for the resource the grain called next creates and names itself (an invoice, numbered
    /// in the write that stores it), until disposed.
    /// </summary>
    public IDisposable DeclareNew(ClaimsPrincipal user, string action, string resourceType)
    {
        Grains.Audit.AuditIntent.DeclareNew(Actor(user), action, resourceType);
        return new Declared();
    }

    private sealed class Declared : IDisposable
    {
        public void Dispose() => Grains.Audit.AuditIntent.Clear();
    }

    public Task Record(ClaimsPrincipal user, string action, string resourceType, string resourceId, object? before, object? after) =>
        log.AppendAsync(Actor(user), action, resourceType, resourceId, Json(before), Json(after));

    internal static string Actor(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? $"{user.Identity?.Name} ({id})" : user.Identity?.Name ?? "system";

    private string? Json(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions);
}

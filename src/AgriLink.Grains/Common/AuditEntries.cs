using AgriLink.Grains.Audit;
using AgriLink.Storage.Changes;

namespace AgriLink.Grains.Common;

/// <summary>The audit entry a grain writes with its change, when its caller declared one (<see cref="AuditIntent"/>).</summary>
internal static class AuditEntries
{
    /// <summary>The resource as it was and as it is after the change, in the API's JSON; null when no audit was declared for it.</summary>
    public static AuditRecord? For(string resourceType, string resourceId, object? before, object? after) =>
        AuditIntent.For(resourceType, resourceId) is { } declared
            ? new AuditRecord(declared.Actor, declared.Action, resourceType, resourceId, AuditJson.Serialize(before), AuditJson.Serialize(after))
            : null;

    public static StateChanges? Changes(string resourceType, string resourceId, object? before, object? after) =>
        For(resourceType, resourceId, before, after) is { } entry ? new StateChanges().Add(entry) : null;
}

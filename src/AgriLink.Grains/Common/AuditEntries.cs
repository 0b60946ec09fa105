using AgriLink.Grains.Audit;
using AgriLink.Storage.Changes;

namespace AgriLink.Grains.Common;

/// <summary>The audit entry a grain writes with its change, when its caller declared one (<see cref="AuditIntent"/>).</summary>
internal static class AuditEntries
{
    /// <summary>The resource as it was and as it is after the change, in the API's JSON; null when no audit was declared for it.</summary>
    public static AuditRecord? For(string resourceType, string resourceId, object? before, object? after) =>
        Entry(AuditIntent.For(resourceType, resourceId), resourceType, resourceId, before, after);

    public static StateChanges? Changes(string resourceType, string resourceId, object? before, object? after) =>
        Staged(For(resourceType, resourceId, before, after));

    /// <summary>The entry of a resource this change creates and names (<see cref="AuditIntent.DeclareNew"/>): nothing before it.</summary>
    public static StateChanges? ChangesOfNew(string resourceType, string resourceId, object after) =>
        Staged(Entry(AuditIntent.ForNew(resourceType), resourceType, resourceId, null, after));

    private static AuditRecord? Entry(AuditIntent.Declared? declared, string resourceType, string resourceId, object? before, object? after) =>
        declared is null
            ? null
            : new AuditRecord(declared.Actor, declared.Action, resourceType, resourceId, AuditJson.Serialize(before), AuditJson.Serialize(after));

    private static StateChanges? Staged(AuditRecord? entry) => entry is null ? null : new StateChanges().Add(entry);
}

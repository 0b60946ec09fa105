namespace AgriLink.Grains.Audit;

/// <summary>
/// Who is changing which resource, and as what audited action: declared by the caller (the web endpoint) before it calls
/// the grain, carried with the call in Orleans' <see cref="RequestContext"/>. The grain that owns the resource writes the
/// audit entry in the same transaction as the change (<see cref="For"/>), so no change is stored without its entry.
/// </summary>
public static class AuditIntent
{
    private const string Key = "agrilink.audit";

    public static void Declare(string actor, string action, string resourceType, string resourceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        RequestContext.Set(Key, new Declared(actor, action, resourceType, resourceId));
    }

    /// <summary>
    /// Declares the action for the resource the called grain creates and names in the same write (an invoice's number is
    /// taken in the write that stores it), so the caller cannot know its id beforehand. Only <see cref="ForNew"/> matches it.
    /// </summary>
    public static void DeclareNew(string actor, string action, string resourceType) => Declare(actor, action, resourceType, NewResource);

    public static void Clear() => RequestContext.Remove(Key);

    /// <summary>
    /// Declares the intent for the grain calls made until disposed, then puts back what was declared before: a grain that
    /// asks another to change its resource (a household's job asking each register to release its shares).
    /// </summary>
    public static IDisposable Within(string actor, string action, string resourceType, string resourceId)
    {
        var previous = RequestContext.Get(Key);
        Declare(actor, action, resourceType, resourceId);
        return new Restore(previous);
    }

    private sealed class Restore(object? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null) RequestContext.Remove(Key);
            else RequestContext.Set(Key, previous);
        }
    }

    /// <summary>
    /// The intent for this resource, or null. Calls a grain makes while handling one (a listing asked for stock by an
    /// order) carry the intent along, so a grain audits only the resource named in it: itself.
    /// </summary>
    public static Declared? For(string resourceType, string resourceId) =>
        RequestContext.Get(Key) is Declared d && d.ResourceType == resourceType && d.ResourceId == resourceId ? d : null;

    /// <summary>The intent declared for a new resource of this type (<see cref="DeclareNew"/>), or null.</summary>
    public static Declared? ForNew(string resourceType) => For(resourceType, NewResource);

    // No resource has an empty id, so For(type, id) never matches an intent declared for a new one.
    private const string NewResource = "";

    [GenerateSerializer, Immutable, Alias("AgriLink.AuditIntent")]
    public sealed record Declared(
        [property: Id(0)] string Actor, [property: Id(1)] string Action, [property: Id(2)] string ResourceType, [property: Id(3)] string ResourceId);
}

namespace AgriLink.Storage.Changes;

/// <summary>An audit entry to write with a change: who did what to which resource, with its JSON before and after.</summary>
public sealed record AuditRecord(string Actor, string Action, string ResourceType, string ResourceId, string? Before, string? After)
{
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(Action);
        ArgumentException.ThrowIfNullOrWhiteSpace(ResourceType);
        ArgumentException.ThrowIfNullOrWhiteSpace(ResourceId);
    }
}

namespace AgriLink.Storage.Audit;

/// <summary>One recorded change: who did what to which resource, with its JSON before and after.</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Action,
    string ResourceType,
    string ResourceId,
    string? Before,
    string? After);

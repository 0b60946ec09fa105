namespace AgriLink.Storage.Audit;

/// <summary>An append-only record of who changed what; entries can be added and read, never altered.</summary>
public interface IAuditLog
{
    Task AppendAsync(
        string actor,
        string action,
        string resourceType,
        string resourceId,
        string? beforeJson,
        string? afterJson,
        CancellationToken ct = default);

    Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken ct = default);
}

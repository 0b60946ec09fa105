namespace AgriLink.Storage.Changes;

/// <summary>
/// What goes with one grain state write, in its transaction: audit entries, domain events for the outbox, and read rows
/// beyond those the state's projector derives (appended facts such as one delivery). A refused (stale) or failed write
/// writes none of them.
/// </summary>
public sealed class StateChanges
{
    public List<AuditRecord> Audit { get; } = [];

    public List<OutboxMessage> Events { get; } = [];

    public List<ProjectionWrite> Rows { get; } = [];

    public bool IsEmpty => Audit.Count == 0 && Events.Count == 0 && Rows.Count == 0;

    public StateChanges Add(AuditRecord audit)
    {
        audit.Validate();
        Audit.Add(audit);
        return this;
    }

    public StateChanges Add(OutboxMessage message)
    {
        Events.Add(message);
        return this;
    }

    public StateChanges Add(ProjectionWrite row)
    {
        Rows.Add(row);
        return this;
    }
}

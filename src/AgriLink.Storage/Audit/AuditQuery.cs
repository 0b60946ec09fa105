namespace AgriLink.Storage.Audit;

/// <summary>
/// Filters for reading the audit log, newest first. Page by passing the smallest <see cref="AuditEntry.Id"/>
/// seen as <paramref name="BeforeId"/>: ids only grow, so pages stay stable while new entries arrive.
/// <paramref name="From"/> (inclusive) and <paramref name="To"/> (exclusive) bound when the entries were written.
/// <paramref name="Actor"/> is the actor as recorded or a user name alone (entries of "coop.panzhou (id)" for "coop.panzhou").
/// </summary>
public sealed record AuditQuery(
    string? ResourceType = null,
    string? ResourceId = null,
    string? Actor = null,
    long? BeforeId = null,
    int Limit = 100,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null)
{
    /// <summary>Upper bound on one page, so a careless caller cannot pull the whole log into memory.</summary>
    public const int MaxLimit = 1000;
}

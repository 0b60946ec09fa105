namespace AgriLink.Domain.Shares;

/// <summary>
/// What a household's exit from poverty did to its preferred shares: the new register, the events to
/// persist, and one line per holding for the public notice (公示). A local result; persist the events.
/// </summary>
public sealed record PreferredExitResult(
    ShareRegister Register,
    IReadOnlyList<ShareEvent> Events,
    IReadOnlyList<string> AuditLines);

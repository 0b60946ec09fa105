using AgriLink.Domain.Shares;

namespace AgriLink.Grains.Shares;

/// <summary>What a household's exit from poverty did to its preferred shares, with the lines for the public notice.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.PreferredExitReport")]
public sealed record PreferredExitReport(
    [property: Id(0)] string CooperativeId,
    [property: Id(1)] IReadOnlyList<ShareEvent> Events,
    [property: Id(2)] IReadOnlyList<string> AuditLines);

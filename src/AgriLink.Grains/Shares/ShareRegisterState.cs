using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;

namespace AgriLink.Grains.Shares;

/// <summary>The register is stored as its events; the in-memory register is rebuilt from them on activation.</summary>
[GenerateSerializer, Alias("AgriLink.ShareRegisterState")]
public sealed record ShareRegisterState
{
    [Id(0)] public IReadOnlyList<ShareEvent> Events { get; init; } = [];
    [Id(1)] public Charter? Charter { get; init; }

    /// <summary>The assembly resolution that adopted the charter in force ("asm-…/r1"); null for the founding charter.</summary>
    [Id(2)] public string? CharterResolution { get; init; }

    /// <summary>When the charter in force was registered or its amendment counted: an older resolution cannot amend it.</summary>
    [Id(3)] public DateTimeOffset? CharterSince { get; init; }
}

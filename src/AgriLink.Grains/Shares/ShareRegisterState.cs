using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;

namespace AgriLink.Grains.Shares;

/// <summary>
/// The register as it decides (<see cref="Snapshot"/>: holdings, ids and certificates used, pending notices, last entry)
/// and its charter. Its history is rows of <c>share_events</c>, appended with each write.
/// </summary>
[GenerateSerializer, Alias("AgriLink.ShareRegisterState")]
public sealed record ShareRegisterState
{
    /// <summary>Every entry, as states before the rows held them; moved into rows on the first activation, then empty.</summary>
    [Id(0)] public IReadOnlyList<ShareEvent> Events { get; init; } = [];
    [Id(1)] public Charter? Charter { get; init; }
    [Id(2)] public ShareRegisterSnapshot? Snapshot { get; init; }

    /// <summary>The assembly resolution that adopted the charter in force ("asm-…/r1"); null for the founding charter.</summary>
    [Id(3)] public string? CharterResolution { get; init; }

    /// <summary>When the charter in force was registered or its amendment counted: an older resolution cannot amend it.</summary>
    [Id(4)] public DateTimeOffset? CharterSince { get; init; }
}

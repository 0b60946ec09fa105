using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;

namespace AgriLink.Grains.Shares;

/// <summary>The register is stored as its events; the in-memory register is rebuilt from them on activation.</summary>
[GenerateSerializer, Alias("AgriLink.ShareRegisterState")]
public sealed record ShareRegisterState
{
    [Id(0)] public IReadOnlyList<ShareEvent> Events { get; init; } = [];
    [Id(1)] public Charter? Charter { get; init; }
}

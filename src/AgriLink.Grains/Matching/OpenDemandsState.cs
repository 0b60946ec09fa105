using System.Collections.Immutable;

namespace AgriLink.Grains.Matching;

/// <summary>
/// Open demands by id, and the last revision seen of every demand removed (so a late "open" of an older revision cannot
/// bring a closed demand back). Immutable, because the grain writes one snapshot while deciding the next.
/// </summary>
[GenerateSerializer, Alias("AgriLink.OpenDemandsState")]
public sealed record OpenDemandsState
{
    [Id(0)] public ImmutableDictionary<string, OpenDemand> Open { get; init; } = ImmutableDictionary<string, OpenDemand>.Empty.WithComparers(StringComparer.Ordinal);
    [Id(1)] public ImmutableDictionary<string, int> Removed { get; init; } = ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal);
}

using System.Collections.Immutable;

namespace AgriLink.Grains.Matching;

/// <summary>A buyer's demand summaries by demand id.</summary>
[GenerateSerializer, Alias("AgriLink.BuyerDemandsState")]
public sealed record BuyerDemandsState
{
    [Id(0)] public ImmutableDictionary<string, DemandSummary> Demands { get; init; } = ImmutableDictionary<string, DemandSummary>.Empty.WithComparers(StringComparer.Ordinal);
}

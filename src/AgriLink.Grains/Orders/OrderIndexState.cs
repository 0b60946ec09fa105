using System.Collections.Immutable;

namespace AgriLink.Grains.Orders;

/// <summary>Order summaries by order id. Immutable, because the grain writes one snapshot while deciding the next.</summary>
[GenerateSerializer, Alias("AgriLink.OrderIndexState")]
public sealed record OrderIndexState
{
    [Id(0)] public ImmutableDictionary<string, OrderSummary> Orders { get; init; } = ImmutableDictionary<string, OrderSummary>.Empty.WithComparers(StringComparer.Ordinal);
}

namespace AgriLink.Grains.Orders;

[GenerateSerializer, Alias("AgriLink.OrderIndexState")]
public sealed record OrderIndexState
{
    [Id(0)] public IReadOnlyDictionary<string, OrderSummary> Orders { get; init; } = new Dictionary<string, OrderSummary>();
}

using AgriLink.Grains.Listings;

namespace AgriLink.Grains.Orders;

/// <summary>What <see cref="IOrderGrain.TryPlace"/> answers: the stored order, or the stock refusal that stored nothing.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.PlaceOutcome")]
public sealed record PlaceOutcome(
    [property: Id(0)] OrderDetails? Order,
    [property: Id(1)] Refusal? Refused);

using AgriLink.Domain.Offtake;

namespace AgriLink.Grains.Offtake;

/// <summary>A contract's line in a party's list.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.OfftakeSummary")]
public sealed record OfftakeSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string EnterpriseId,
    [property: Id(2)] string CooperativeId,
    [property: Id(3)] string Product,
    [property: Id(4)] OfftakeStatus Status,
    [property: Id(5)] DateOnly DeliveryStart,
    [property: Id(6)] DateOnly DeliveryEnd,
    [property: Id(7)] decimal Quantity,
    [property: Id(8)] decimal DeliveredQuantity);

namespace AgriLink.Domain.Offtake;

/// <summary>
/// What one delivery is paid: <see cref="PaidPriceFen"/> per unit (the floor, or the market price when higher and the
/// contract follows the market), the amount, its value at the day's market price, and the floor top-up: how much the
/// guarantee added over the market (0 when the market was at or above the floor).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.DeliverySettlement")]
public sealed record DeliverySettlement(
    [property: Id(0)] OfftakeDelivery Delivery,
    [property: Id(1)] long PaidPriceFen,
    [property: Id(2)] long PaidFen,
    [property: Id(3)] long MarketValueFen,
    [property: Id(4)] long FloorTopUpFen);

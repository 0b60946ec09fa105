using AgriLink.Domain.Quantities;

namespace AgriLink.Grains.Listings;

/// <summary>
/// What a listing grants an order line: the quantity held out of stock and a snapshot of the terms at that
/// moment (price, certification, producing members), so later edits to the listing never change an order.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ReservedLine")]
public sealed record ReservedLine(
    [property: Id(0)] string ListingId,
    [property: Id(1)] string CooperativeId,
    [property: Id(2)] string Title,
    [property: Id(3)] Unit Unit,
    [property: Id(4)] long PriceFen,
    [property: Id(5)] decimal Quantity,
    [property: Id(6)] long AmountFen,
    [property: Id(7)] bool PovertyCertified,
    [property: Id(8)] IReadOnlyList<string> ProducerIds,
    [property: Id(9)] string CountyCode,
    [property: Id(10)] DateTimeOffset HoldUntil);

using AgriLink.Domain.Orders;

namespace AgriLink.Grains.Orders;

/// <summary>One line of a new order: how much of which listing (in the listing's unit).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.OrderLineRequest")]
public sealed record OrderLineRequest(
    [property: Id(0)] string ListingId,
    [property: Id(1)] decimal Quantity);

/// <summary>
/// A buyer's order. Lines may come from several cooperatives; the order splits into one sub-order per cooperative.
/// <see cref="DeliveryRegionCode"/> is the GB/T 2260 code of where it goes, <see cref="DeliveryAddress"/> the street
/// address within it. The recipient, phone and requested date came later: orders placed before them have none.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.PlaceOrder")]
public sealed record PlaceOrder(
    [property: Id(0)] string BuyerId,
    [property: Id(1)] PaymentMethod PaymentMethod,
    [property: Id(2)] IReadOnlyList<OrderLineRequest> Lines,
    [property: Id(3)] string DeliveryRegionCode,
    [property: Id(4)] string DeliveryAddress,
    [property: Id(5)] string? Note = null,
    [property: Id(6)] string? RecipientName = null,
    [property: Id(7)] string? RecipientPhone = null,
    [property: Id(8)] DateOnly? RequestedDeliveryDate = null);

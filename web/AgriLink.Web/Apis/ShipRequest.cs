using AgriLink.Domain.Orders;

namespace AgriLink.Web.Apis;

/// <summary>
/// How a sub-order ships: a courier (<see cref="Carrier"/>) and its tracking number, or <c>OwnVehicle</c> and the
/// <see cref="DeliveryDate"/> the cooperative delivers on.
/// </summary>
public sealed record ShipRequest(Carrier? Carrier, string? TrackingNumber = null, DateOnly? DeliveryDate = null);

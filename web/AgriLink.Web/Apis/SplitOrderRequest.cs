using AgriLink.Domain.Orders;

namespace AgriLink.Web.Apis;

/// <summary>Ordering a demand's split: where exactly it goes (the region is the demand's) and how it is paid.</summary>
public sealed record SplitOrderRequest(string DeliveryAddress, PaymentMethod PaymentMethod = PaymentMethod.Invoice, string? Note = null);

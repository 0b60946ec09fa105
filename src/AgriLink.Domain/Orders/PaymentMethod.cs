namespace AgriLink.Domain.Orders;

[GenerateSerializer, Alias("AgriLink.PaymentMethod")]
public enum PaymentMethod
{
    /// <summary>对公转账: delivered first, invoiced monthly, paid by bank transfer. Always available.</summary>
    Invoice = 0,
    /// <summary>Card through Stripe, when configured: paid before shipping; unpaid holds expire.</summary>
    Card = 1,
}

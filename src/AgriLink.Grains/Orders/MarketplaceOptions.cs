namespace AgriLink.Grains.Orders;

/// <summary>Marketplace settings (configuration section <c>AgriLink:Marketplace</c>).</summary>
public sealed class MarketplaceOptions
{
    public const string Section = "AgriLink:Marketplace";

    /// <summary>How long a card order's stock is held for its payment; unpaid by then, it is cancelled.</summary>
    public TimeSpan PaymentHold { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// An invoice order's stock is held only until the order is stored and confirms it; this bounds the hold should
    /// the confirmation be lost (the listing then asks the order, which confirms).
    /// </summary>
    public TimeSpan InvoiceHold { get; set; } = TimeSpan.FromMinutes(5);
}

namespace AgriLink.Grains.Orders;

/// <summary>Marketplace settings (configuration section <c>AgriLink:Marketplace</c>).</summary>
public sealed class MarketplaceOptions
{
    public const string Section = "AgriLink:Marketplace";

    /// <summary>
    /// How long a card order's stock is held for its payment; unpaid by then, it is cancelled. A paid order's hold is
    /// confirmed when it ships or when this runs out, whichever comes first.
    /// </summary>
    public TimeSpan PaymentHold { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long an invoice order's stock is held for it to ship. Holds are confirmed (sold for good) when the
    /// cooperative ships, so a cancel before then puts the stock back exactly; a hold that runs out first is
    /// confirmed too (the listing asks the order), after which a cancel can no longer return it.
    /// </summary>
    public TimeSpan InvoiceHold { get; set; } = TimeSpan.FromDays(14);
}

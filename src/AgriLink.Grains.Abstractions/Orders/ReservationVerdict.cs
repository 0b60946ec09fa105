namespace AgriLink.Grains.Orders;

/// <summary>The order's answer when a listing's hold on its stock runs out.</summary>
[GenerateSerializer, Alias("AgriLink.ReservationVerdict")]
public enum ReservationVerdict
{
    /// <summary>The order has shipped (or is past the point of return): the held stock is sold for good.</summary>
    Confirm = 0,
    /// <summary>The order is unpaid past its deadline, cancelled, or was never stored: put the stock back.</summary>
    Release = 1,

    /// <summary>
    /// The order is live but not shipped yet (paid, or an invoice order awaiting delivery): keep holding, and ask again
    /// later. The hold stays releasable, so a cancel before shipping puts exactly this stock back; shipping confirms it.
    /// </summary>
    Extend = 2,
}

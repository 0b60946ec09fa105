using AgriLink.Domain.Errors;
using AgriLink.Domain.Orders;

namespace AgriLink.Domain.Offtake;

/// <summary>
/// A contract's account at a date: every delivery's payment, the totals, and what is still to come.
/// While the window is open the gap to the contracted quantity is <see cref="RemainingQuantity"/>; once it has
/// closed (or the contract ended) the gap is the <see cref="ShortfallQuantity"/>, valued at the floor price in
/// <see cref="ShortfallAtFloorFen"/> (the basis for any penalty the parties agreed outside the platform).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.OfftakeSettlement")]
public sealed record OfftakeSettlement(
    [property: Id(0)] IReadOnlyList<DeliverySettlement> Deliveries,
    [property: Id(1)] decimal DeliveredQuantity,
    [property: Id(2)] long PaidFen,
    [property: Id(3)] long MarketValueFen,
    [property: Id(4)] long FloorTopUpFen,
    [property: Id(5)] bool WindowClosed,
    [property: Id(6)] decimal RemainingQuantity,
    [property: Id(7)] decimal ShortfallQuantity,
    [property: Id(8)] long ShortfallAtFloorFen,
    [property: Id(9)] decimal OverDeliveredQuantity)
{
    /// <summary>
    /// Each delivery is priced on its own with <see cref="LinePricing.AmountFen"/> (rounded half up to the fen). The top-up is
    /// the difference of the two rounded amounts, so paid = market value + top-up exactly whenever the floor applies.
    /// </summary>
    public static DeliverySettlement Price(OfftakeTerms terms, OfftakeDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(delivery);
        var paidPrice = terms.MarketPriceIfHigher ? Math.Max(terms.FloorPriceFen, delivery.MarketPriceFen) : terms.FloorPriceFen;
        var paid = LinePricing.AmountFen(paidPrice, delivery.Quantity);
        var market = LinePricing.AmountFen(delivery.MarketPriceFen, delivery.Quantity);
        var atFloor = LinePricing.AmountFen(terms.FloorPriceFen, delivery.Quantity);
        return new(delivery, paidPrice, paid, market, Math.Max(0, atFloor - market));
    }

    /// <param name="ended">The contract was completed or terminated: the window counts as closed from then.</param>
    public static OfftakeSettlement Of(OfftakeTerms terms, IEnumerable<OfftakeDelivery> deliveries, DateOnly today, bool ended = false)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var lines = deliveries.Select(d => Price(terms, d)).ToList();
        var delivered = lines.Sum(l => l.Delivery.Quantity);
        var closed = ended || today > terms.DeliveryEnd;
        var gap = Math.Max(0, terms.Quantity - delivered);
        var shortfall = closed ? gap : 0;
        return new(lines, delivered,
            lines.Sum(l => l.PaidFen), lines.Sum(l => l.MarketValueFen), lines.Sum(l => l.FloorTopUpFen),
            closed, closed ? 0 : gap, shortfall, LinePricing.AmountFen(terms.FloorPriceFen, shortfall),
            Math.Max(0, delivered - terms.Quantity));
    }

    /// <summary>
    /// Checks a new delivery against the terms: inside the window, not in the future, and within the contracted
    /// quantity plus the over-delivery tolerance (beyond it the enterprise has not agreed to buy: refused, 422).
    /// </summary>
    public static void CheckDelivery(OfftakeTerms terms, decimal alreadyDelivered, OfftakeDelivery delivery, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(delivery);
        delivery.Validate();
        if (delivery.Date > today) throw ValidationFailedException.For("date", "must not be in the future.");
        if (delivery.Date < terms.DeliveryStart || delivery.Date > terms.DeliveryEnd)
            throw new RuleViolationException("offtake.outside-window",
                $"The delivery window is {terms.DeliveryStart:yyyy-MM-dd} to {terms.DeliveryEnd:yyyy-MM-dd}; {delivery.Date:yyyy-MM-dd} is outside it.",
                unprocessable: true);
        if (alreadyDelivered + delivery.Quantity > terms.MaxDeliverable)
            throw new RuleViolationException("offtake.over-delivery",
                $"{alreadyDelivered} already delivered; {delivery.Quantity} more exceeds the {terms.MaxDeliverable} the contract takes " +
                $"({terms.Quantity} plus {terms.OverDeliveryToleranceBasisPoints / 100m}% tolerance).",
                unprocessable: true);
    }
}

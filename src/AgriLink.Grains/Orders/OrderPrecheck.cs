using AgriLink.Domain.Listings;
using AgriLink.Grains.Listings;

namespace AgriLink.Grains.Orders;

/// <summary>
/// Refuses an order whose lines cannot be served right now, from the listings' committed state, before an order grain
/// or the buyer is touched. In a flash sale most buyers come after the stock is gone: they are told at the cost of one
/// read-only call per line. Not a guarantee either way: placing the order still reserves atomically and decides.
/// </summary>
public static class OrderPrecheck
{
    /// <exception cref="Domain.Errors.DomainException">A line's listing is unknown or not available, has too little stock, or the quantity is below its minimum.</exception>
    public static async Task ThrowIfUnavailable(IGrainFactory grains, PlaceOrder order, string orderId)
    {
        if (await FindRefusal(grains, order, orderId) is { } refusal) throw refusal;
    }

    /// <summary>
    /// The first line's reason the order <paramref name="orderId"/> cannot be served now (the exception placing it would
    /// raise, not thrown), or null. A line whose listing already holds stock for this order is never refused: that is a
    /// retry of an order whose reservation was stored but whose own write was lost, and placing it gets the hold back.
    /// </summary>
    public static async Task<Exception?> FindRefusal(IGrainFactory grains, PlaceOrder order, string orderId)
    {
        ArgumentNullException.ThrowIfNull(order);
        var lines = order.Lines;
        var availability = await Task.WhenAll(lines.Select(async line =>
        {
            try
            {
                return (Value: (ListingAvailability?)await grains.Get<IListingGrain>(line.ListingId.Trim()).Availability(orderId), Error: (Exception?)null);
            }
            catch (Domain.Errors.DomainException e)
            {
                return (Value: (ListingAvailability?)null, Error: (Exception?)e);
            }
        }));
        for (var i = 0; i < lines.Count; i++)
        {
            var (value, error) = availability[i];
            if (value is { HeldForOrder: true }) continue;
            error ??= StockReservation.Refusal(value!.Status, value.Stock, value.MinOrder, lines[i].Quantity);
            if (error is not null) return OrderGrain.LineFailure(i, lines[i].ListingId, error);
        }

        return null;
    }
}

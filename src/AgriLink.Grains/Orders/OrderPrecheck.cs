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
    /// <exception cref="Domain.Errors.RuleViolationException">A line's listing is not available, or has too little stock, or the quantity is below its minimum.</exception>
    public static async Task ThrowIfUnavailable(IGrainFactory grains, PlaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var lines = order.Lines;
        var availability = await Task.WhenAll(lines.Select(async line =>
        {
            try
            {
                return (Ok: true, Value: await grains.GetGrain<IListingGrain>(line.ListingId.Trim()).Availability(), Error: (Exception?)null);
            }
            catch (Exception e) when (e is Domain.Errors.DomainException)
            {
                return (Ok: false, Value: (ListingAvailability?)null, Error: e);
            }
        }));
        for (var i = 0; i < lines.Count; i++)
        {
            var (ok, value, error) = availability[i];
            try
            {
                if (!ok) throw error!;
                StockReservation.CheckReservable(value!.Status, value.Stock, value.MinOrder, lines[i].Quantity);
            }
            catch (Exception e) when (e is Domain.Errors.DomainException)
            {
                throw OrderGrain.LineFailure(i, lines[i].ListingId, e);
            }
        }
    }
}

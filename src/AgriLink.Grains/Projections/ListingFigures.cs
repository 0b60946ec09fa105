using AgriLink.Domain.Orders;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Projections;

/// <summary>
/// What the market shows per listing beside its own row, as running totals in <c>listing_totals</c> (<see cref="RunningTotals"/>):
/// an order contributes its quantity of each listing while the listing's sub-order counts as a sale (<see cref="Sales.IsSale"/>,
/// as the dashboard counts sales), so a cancellation or refund takes it away again and a card order counts once paid.
/// </summary>
public static class ListingFigures
{
    /// <summary>The quantity sold, in thousandths of the listing's unit (quantities may be fractional; totals are integers).</summary>
    public const string SoldMilli = "sold_milli";

    public static RunningTotals OfOrderSales { get; } = new("order-sales", "o.order_id", [SoldMilli],
        "SELECT o.listing_id, CAST(SUM(o.quantity_milli) AS BIGINT) FROM order_lines o " +
        "JOIN sub_orders s ON s.order_id = o.order_id AND s.cooperative_id = o.cooperative_id " +
        $"WHERE s.status IN ({string.Join(", ", Sales.SaleStatuses.Select(v => $"'{v}'"))}) {RunningTotals.KeyFilter} GROUP BY o.listing_id",
        [new("sub_orders", "order_id"), new("order_lines", "order_id")],
        ProjectionTables.ListingTotals);

    /// <summary>A quantity in thousandths of its unit, as <c>order_lines</c> and the totals hold it.</summary>
    public static long ToMilli(decimal quantity) => (long)decimal.Round(quantity * 1000m, MidpointRounding.AwayFromZero);

    public static decimal FromMilli(long milli) => milli / 1000m;
}

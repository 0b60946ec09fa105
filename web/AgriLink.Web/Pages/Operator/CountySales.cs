using AgriLink.Domain.Orders;
using AgriLink.Grains.Orders;

namespace AgriLink.Web.Pages.Operator;

/// <summary>What the dashboard counts as a sale, and which part of a sale was a certified product.</summary>
public static class CountySales
{
    /// <summary>
    /// A placed invoice order is a firm purchase (budget units are delivered first and invoiced monthly), so it counts;
    /// a card order awaiting payment does not yet (unpaid, it is cancelled when its hold runs out); cancelled and
    /// refunded sub-orders never do.
    /// </summary>
    public static bool IsSale(OrderStatus status) =>
        status is not (OrderStatus.AwaitingPayment or OrderStatus.Cancelled or OrderStatus.Refunded);

    /// <summary>The lines of the sub-order that were 扶贫产品认定 products when ordered (the order's snapshot).</summary>
    public static long CertifiedFen(SubOrder sub) =>
        sub.Lines.Where(l => l.Reserved.PovertyCertified).Sum(l => l.Reserved.AmountFen);
}

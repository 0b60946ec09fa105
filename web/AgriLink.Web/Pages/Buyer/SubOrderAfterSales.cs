using AgriLink.Domain.AfterSales;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Orders;

namespace AgriLink.Web.Pages.Buyer;

/// <summary>
/// One sub-order's after-sales (售后) on the buyer's order page: the case once asked for, or — delivered and within
/// <see cref="AfterSalesRules.WindowDays"/> days — the form to ask (at most <see cref="RefundableFen"/>, until <see cref="Closes"/>).
/// </summary>
public sealed record SubOrderAfterSales(string OrderId, string CooperativeId, AfterSalesCase? Case, DateTimeOffset? Closes, bool Open, long RefundableFen)
{
    public static SubOrderAfterSales Of(OrderDetails order, SubOrder sub, AfterSalesCase? c, DateTimeOffset now)
    {
        var delivered = sub.Status is OrderStatus.Delivered or OrderStatus.Completed ? order.DeliveredAt(sub.CooperativeId) : null;
        var closes = delivered?.AddDays(AfterSalesRules.WindowDays);
        return new SubOrderAfterSales(order.Id, sub.CooperativeId, c, closes, c is null && closes > now, sub.AmountFen - sub.RefundedFen);
    }

    /// <summary>The element id prefix of this part's after-sales block (cooperative ids are letters, digits and dashes).</summary>
    public string Anchor => $"aftersales-{CooperativeId}";
}

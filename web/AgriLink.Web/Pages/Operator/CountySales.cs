using AgriLink.Domain.Orders;
using AgriLink.Grains.Orders;

namespace AgriLink.Web.Pages.Operator;

/// <summary>What the dashboard counts as a sale, and which part of a sale was a certified product.</summary>
public static class CountySales
{
    /// <summary>The rule lives in the domain (<see cref="Sales.IsSale"/>): the county totals count by it as they are written.</summary>
    public static bool IsSale(OrderStatus status) => Sales.IsSale(status);

    /// <summary>The lines of the sub-order that were 扶贫产品认定 products when ordered (the order's snapshot).</summary>
    public static long CertifiedFen(SubOrder sub) =>
        sub.Lines.Where(l => l.Reserved.PovertyCertified).Sum(l => l.Reserved.AmountFen);
}

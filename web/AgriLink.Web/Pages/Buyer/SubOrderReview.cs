using AgriLink.Domain.Orders;
using AgriLink.Domain.Reviews;
using AgriLink.Grains.Orders;

namespace AgriLink.Web.Pages.Buyer;

/// <summary>
/// One sub-order's review on the buyer's order page: the review once written, or — delivered and within the window — the
/// form to write it (<see cref="ReviewRules.WindowDays"/> days from the delivery, until <see cref="Closes"/>).
/// </summary>
public sealed record SubOrderReview(string OrderId, string CooperativeId, Review? Review, DateTimeOffset? Closes, bool Open)
{
    public static SubOrderReview Of(OrderDetails order, SubOrder sub, Review? review, DateTimeOffset now)
    {
        var delivered = sub.Status is OrderStatus.Delivered or OrderStatus.Completed
            ? order.DeliveredAt(sub.CooperativeId)
            : null;
        var closes = delivered?.AddDays(ReviewRules.WindowDays);
        return new SubOrderReview(order.Id, sub.CooperativeId, review, closes, review is null && closes > now);
    }
}

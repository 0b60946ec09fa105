using System.Security.Claims;
using AgriLink.Grains.Orders;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;

namespace AgriLink.Web.Pages.Buyer;

/// <summary>The buyer's orders (<c>GET /api/buyers/{id}/orders</c>), refreshed live on its topic.</summary>
public sealed class OrdersModel : BuyerPage
{
    public IReadOnlyList<OrderSummary> Orders { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var buyerId = BuyerId;
        Orders = Value<Page<OrderSummary>>(await OrdersApi.ForBuyer(Api, buyerId, null, 0, Paging.MaxLimit)).Items;
        LiveRefreshOn.AddRange(["order.placed", "order.changed", "order.shipped", "payment.received", "payment.refunded"]);
        LiveTopics.Add($"buyer:{buyerId}");
    }
}

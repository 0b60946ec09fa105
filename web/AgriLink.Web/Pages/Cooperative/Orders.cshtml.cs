using AgriLink.Grains.Orders;
using AgriLink.Web.Apis;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The cooperative's incoming sub-orders (<c>GET /api/cooperatives/{id}/orders</c>): new ones appear without a reload
/// (topic <c>coop:{id}</c>), and each can be shipped through <c>OrdersApi.Ship</c>.
/// </summary>
public sealed class OrdersModel : CooperativePage
{
    public IReadOnlyList<OrderSummary> Orders { get; private set; } = [];

    public Task OnGetAsync() => Load();

    public async Task<IActionResult> OnPostShipAsync(string orderId)
    {
        var coop = await Load();
        Value<OrderDetails>(await OrdersApi.Ship(Api, orderId, coop));
        return RedirectToPage(new { coop });
    }

    private async Task<string> Load()
    {
        var coop = await Cooperative();
        Orders = Value<Page<OrderSummary>>(await OrdersApi.ForCooperative(Api, coop, null, 0, Paging.MaxLimit)).Items;
        LiveRefreshOn.AddRange(["order.placed", "order.changed", "payment.received", "payment.refunded"]);
        return coop;
    }
}

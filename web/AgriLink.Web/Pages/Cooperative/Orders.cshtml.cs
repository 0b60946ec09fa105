using AgriLink.Grains.Orders;
using AgriLink.Web.Apis;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The cooperative's incoming sub-orders (<c>GET /api/cooperatives/{id}/orders</c>): new ones appear without a reload
/// (topic <c>coop:{id}</c>); each links to its order page, which shows its lines and ships it with a carrier.
/// </summary>
public sealed class OrdersModel : CooperativePage
{
    public IReadOnlyList<OrderSummary> Orders { get; private set; } = [];

    public Task OnGetAsync() => Load();

    private async Task<string> Load()
    {
        var coop = await Cooperative();
        Orders = Value<Page<OrderSummary>>(await OrdersApi.ForCooperative(Api, coop, null, 0, Paging.MaxLimit)).Items;
        LiveRefreshOn.AddRange(["order.placed", "order.changed", "order.shipped", "payment.received", "payment.refunded"]);
        return coop;
    }
}

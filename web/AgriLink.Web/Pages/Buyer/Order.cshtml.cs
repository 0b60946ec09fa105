using AgriLink.Grains.Orders;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Buyer;

/// <summary>
/// One order, each cooperative's sub-order with its status updating live (topic <c>buyer:{id}</c>), and the buyer's
/// actions through the API's handlers: confirm a shipped sub-order arrived, cancel before shipping.
/// </summary>
public sealed class OrderModel : AgriLinkPage
{
    public OrderDetails Order { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Cooperatives { get; private set; } = new Dictionary<string, string>();

    public Task OnGetAsync(string id) => Load(id);

    public async Task<IActionResult> OnPostDeliveredAsync(string id, string cooperativeId)
    {
        await Load(id);
        Value<OrderDetails>(await OrdersApi.Deliver(Api, id, cooperativeId));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(string id, string? reason)
    {
        await Load(id);
        Value<OrderDetails>(await OrdersApi.Cancel(Api, id, new CancelOrderRequest(string.IsNullOrWhiteSpace(reason) ? "买方取消" : reason, null)));
        return RedirectToPage(new { id });
    }

    private async Task Load(string id)
    {
        Order = Value<OrderDetails>(await OrdersApi.Get(Api, id));
        Cooperatives = await CooperativeNames();
        LiveRefreshOn.AddRange(["order.placed", "order.changed", "payment.received", "payment.refunded"]);
        LiveTopics.Add($"buyer:{Order.BuyerId}");
    }
}

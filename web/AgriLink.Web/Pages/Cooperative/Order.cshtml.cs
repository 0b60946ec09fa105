using AgriLink.Domain.Orders;
using AgriLink.Grains.Orders;
using AgriLink.Web.Apis;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// One incoming order as the cooperative works from it: its own sub-order's lines, where it goes and to whom (the
/// phone while the part is live, as <c>OrdersApi.View</c> decides), the requested date and the buyer's note, and
/// shipping with a carrier and tracking number (or its own vehicle and a delivery date) through <c>OrdersApi.Ship</c>.
/// The packing slip is the same order printed (<c>/cooperative/orders/{id}/packing-slip</c>).
/// </summary>
public sealed class OrderModel : CooperativePage
{
    public OrderDetails Order { get; private set; } = null!;

    public SubOrder Part => Order.SubOrders.Single(s => s.CooperativeId == CooperativeId);

    public bool CanShip => Part.Status is OrderStatus.Placed or OrderStatus.Paid;

    [BindProperty] public Carrier? Carrier { get; set; }
    [BindProperty] public string? TrackingNumber { get; set; }
    [BindProperty] public DateOnly? DeliveryDate { get; set; }

    public Task OnGetAsync(string id) => Load(id);

    public async Task<IActionResult> OnPostShipAsync(string id)
    {
        var coop = await Load(id);
        if (!ModelState.IsValid) return Page();
        Order = Value<OrderDetails>(await OrdersApi.Ship(Api, id, coop, new ShipRequest(Carrier, TrackingNumber, DeliveryDate)));
        return RedirectToPage(new { id, coop });
    }

    private async Task<string> Load(string id)
    {
        Order = await OrderWithPart(id);
        LiveRefreshOn.AddRange(["order.changed", "order.shipped", "payment.received", "payment.refunded"]);
        return CooperativeId!;
    }
}

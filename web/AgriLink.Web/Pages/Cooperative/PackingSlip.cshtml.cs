using AgriLink.Grains.Orders;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The packing slip (装箱单) of the cooperative's part of an order, to print and put in the box: what is in it, to whom
/// and where. Read like the order page, through <c>OrdersApi.Get</c>, so it shows no more than the cooperative may see.
/// </summary>
public sealed class PackingSlipModel : CooperativePage
{
    public OrderDetails Order { get; private set; } = null!;

    public SubOrder Part => Order.SubOrders.Single(s => s.CooperativeId == CooperativeId);

    public async Task OnGetAsync(string id)
    {
        Order = await OrderWithPart(id);
        // A printed slip does not follow live changes.
        LiveTopics.Clear();
    }
}

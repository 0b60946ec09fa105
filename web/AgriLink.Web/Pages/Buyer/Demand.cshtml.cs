using AgriLink.Domain.Orders;
using AgriLink.Grains.Matching;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Projections;
using AgriLink.Search;
using AgriLink.Web.Apis;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Buyer;

/// <summary>
/// One demand: the market's listings ranked for it, each score with its explanation (<c>GET /api/demands/{id}/matches</c>),
/// the proposed split over the fewest cooperatives (<c>GET …/split</c>), and one form that orders the whole split by
/// invoice (<c>POST …/split/order</c>) under an idempotency key made when the form was shown, so a double submit places one order.
/// </summary>
public sealed class DemandModel(IListingSearch search, MonitoringQueries monitoring, TimeProvider clock, IConfiguration configuration) : BuyerPage
{
    public DemandDetails Demand { get; private set; } = null!;
    public DemandMatches Matches { get; private set; } = null!;
    public SplitProposal Split { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Cooperatives { get; private set; } = new Dictionary<string, string>();

    [BindProperty] public string? DeliveryAddress { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>Also list the listings a hard condition leaves out, each with its reasons (<c>?explainExcluded=true</c>).</summary>
    [BindProperty(SupportsGet = true)] public bool ExplainExcluded { get; set; }

    public Task OnGetAsync(string id, CancellationToken ct) => Load(id, ct);

    public async Task<IActionResult> OnPostOrderAsync(string id, CancellationToken ct)
    {
        await Load(id, ct);
        var request = new SplitOrderRequest(DeliveryAddress ?? "", PaymentMethod.Invoice, string.IsNullOrWhiteSpace(Note) ? null : Note);
        var order = Value<OrderDetails>(await DemandsApi.OrderSplit(Api, search, monitoring, clock, configuration, id, request, IdempotencyKey, ct));
        return Redirect($"/buyer/orders/{order.Id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(string id)
    {
        Value<DemandDetails>(await DemandsApi.Close(Api, id, new CloseDemandRequest(null)));
        return RedirectToPage(new { id });
    }

    private async Task Load(string id, CancellationToken ct)
    {
        _ = BuyerId;
        Demand = Value<DemandDetails>(await DemandsApi.Get(Api, id));
        Matches = Value<DemandMatches>(await DemandsApi.Matches(Api, search, monitoring, clock, id, ExplainExcluded, ct));
        Split = Value<SplitProposal>(await DemandsApi.Split(Api, search, monitoring, clock, id, ct));
        Cooperatives = await CooperativeNames();
    }
}

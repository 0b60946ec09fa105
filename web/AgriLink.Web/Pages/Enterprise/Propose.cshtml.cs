using AgriLink.Domain.Listings;
using AgriLink.Domain.Offtake;
using AgriLink.Domain.Quantities;
using AgriLink.Grains.Offtake;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Enterprise;

/// <summary>
/// A leading enterprise proposes an offtake contract (订单农业) to a cooperative chosen from the list, through
/// <c>OfftakeApi.Propose</c>; the cooperative then accepts or declines it. Property names are the terms' field names, so
/// the API's problems land beside their fields; the floor price is typed in yuan.
/// </summary>
public sealed class ProposeModel : EnterprisePage
{
    public IReadOnlyDictionary<string, string> Cooperatives { get; private set; } = new Dictionary<string, string>();

    [BindProperty] public string? CooperativeId { get; set; }
    [BindProperty] public string? Product { get; set; }
    [BindProperty] public ProduceCategory Category { get; set; } = ProduceCategory.Fruit;
    [BindProperty] public Unit Unit { get; set; } = Unit.Jin;
    [BindProperty] public decimal Quantity { get; set; }
    [BindProperty] public DateOnly? DeliveryStart { get; set; }
    [BindProperty] public DateOnly? DeliveryEnd { get; set; }
    [BindProperty, ProblemField("floorPriceFen")] public string? FloorPrice { get; set; }
    [BindProperty] public bool MarketPriceIfHigher { get; set; } = true;
    [BindProperty] public string? Specification { get; set; }

    public async Task OnGetAsync() => await Load();

    public async Task<IActionResult> OnPostAsync()
    {
        var enterprise = await Load();
        var floor = FormValues.Fen(ModelState, T, nameof(FloorPrice), FloorPrice);
        if (!ModelState.IsValid || floor is null) return Page();
        var terms = new OfftakeTerms(Product ?? "", Category, Unit, Quantity, DeliveryStart ?? Today, DeliveryEnd ?? Today, floor.Value,
            MarketPriceIfHigher, Specification: string.IsNullOrWhiteSpace(Specification) ? null : Specification);
        var created = Value<OfftakeContractView>(await OfftakeApi.Propose(Api, enterprise, new ProposeOfftakeRequest(CooperativeId ?? "", terms)));
        return Redirect($"/enterprise?id={Uri.EscapeDataString(enterprise)}#{created.Id}");
    }

    private async Task<string> Load()
    {
        var enterprise = Enterprise();
        Cooperatives = await CooperativeNames();
        return enterprise;
    }
}

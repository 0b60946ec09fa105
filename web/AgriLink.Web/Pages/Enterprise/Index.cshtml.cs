using AgriLink.Domain.Offtake;
using AgriLink.Grains.Common;
using AgriLink.Grains.Enterprises;
using AgriLink.Grains.Offtake;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Enterprise;

/// <summary>
/// A leading enterprise's offtake contracts (订单农业) with their deliveries and settlement, and recording a delivery,
/// through <c>OfftakeApi</c>; its investments in cooperatives (企业投资股 in their registers) and their dividends, through
/// <c>EnterprisesApi</c>. <c>?id=</c> picks one of the account's enterprises (the first by default); anything else is a 403.
/// </summary>
public sealed class IndexModel(TimeProvider clock, Grains.Projections.OfftakeQueries offtake) : EnterprisePage
{
    public EnterpriseDetails Details { get; private set; } = null!;
    public IReadOnlyList<OfftakeContractView> Contracts { get; private set; } = [];
    public IReadOnlyDictionary<string, string> CooperativeNamesById { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<ShareholderHoldings> Holdings { get; private set; } = [];
    public IReadOnlyList<ShareholderDividend> Dividends { get; private set; } = [];

    [BindProperty] public string? ContractId { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public DateOnly Date { get; set; } = clock.Today();
    [BindProperty] public decimal Quantity { get; set; }
    [BindProperty, ProblemField("marketPriceFen")] public string? MarketPrice { get; set; }
    [BindProperty] public string? Note { get; set; }

    public Task OnGetAsync() => Load();

    public async Task<IActionResult> OnPostDeliveryAsync()
    {
        var enterprise = await Load();
        var price = FormValues.Fen(ModelState, T, nameof(MarketPrice), MarketPrice);
        if (!ModelState.IsValid || price is null) return Page();
        Value<OfftakeContractView>(await OfftakeApi.RecordDelivery(Api, ContractId ?? "",
            new OfftakeDelivery(Reference ?? "", Date, Quantity, price.Value, string.IsNullOrWhiteSpace(Note) ? null : Note)));
        return Redirect($"/enterprise?id={Uri.EscapeDataString(enterprise)}#{ContractId}");
    }

    private async Task<string> Load()
    {
        var id = Enterprise();
        Details = Value<EnterpriseDetails>(await EnterprisesApi.Get(Api, id));
        var summaries = Value<Page<OfftakeSummary>>(await OfftakeApi.ListForEnterprise(Api, offtake, id, null, 0, Paging.MaxLimit)).Items;
        var contracts = new List<OfftakeContractView>();
        foreach (var summary in summaries) contracts.Add(Value<OfftakeContractView>(await OfftakeApi.Get(Api, summary.Id)));
        Contracts = contracts.OrderByDescending(c => c.Terms.DeliveryStart).ToList();
        CooperativeNamesById = await CooperativeNames();
        Holdings = Value<IReadOnlyList<ShareholderHoldings>>(await EnterprisesApi.Holdings(Api, id));
        Dividends = Value<IReadOnlyList<ShareholderDividend>>(await EnterprisesApi.Dividends(Api, id, System.Globalization.CultureInfo.CurrentUICulture.Name));
        return id;
    }
}

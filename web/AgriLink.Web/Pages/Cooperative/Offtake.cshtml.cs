using AgriLink.Grains.Enterprises;
using AgriLink.Grains.Offtake;
using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The cooperative's offtake contracts (订单农业) with leading enterprises, a page at a time from the projection: a proposal
/// is accepted or declined with a reason (<c>OfftakeApi.Accept</c>/<c>Decline</c>: the same checks and audit as the API).
/// </summary>
public sealed class OfftakeModel(OfftakeQueries offtake) : CooperativePage
{
    public const int PageSize = 50;

    public IReadOnlyList<OfftakeSummary> Contracts { get; private set; } = [];
    public IReadOnlyDictionary<string, string> EnterpriseNames { get; private set; } = new Dictionary<string, string>();
    public string? Next { get; private set; }

    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty] public string? ContractId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Task OnGetAsync() => Load();

    public Task<IActionResult> OnPostAcceptAsync() => Act(async () => await OfftakeApi.Accept(Api, ContractId ?? ""));

    public Task<IActionResult> OnPostDeclineAsync() =>
        Act(async () => await OfftakeApi.Decline(Api, ContractId ?? "", new OfftakeReasonRequest(string.IsNullOrWhiteSpace(Reason) ? null : Reason)));

    private async Task<IActionResult> Act(Func<Task<IResult>> step)
    {
        await Load();
        Value<OfftakeContractView>(await step());
        return Redirect($"/cooperative/offtake?coop={Uri.EscapeDataString(CooperativeId!)}#{ContractId}");
    }

    private async Task Load()
    {
        var coop = await Cooperative();
        var page = Value<Page<OfftakeSummary>>(await OfftakeApi.ListForCooperative(Api, offtake, coop, null, null, PageSize, After));
        Contracts = page.Items;
        Next = page.Next;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in Contracts.Select(c => c.EnterpriseId).Distinct(StringComparer.Ordinal))
            names[id] = Value<EnterpriseDetails>(await EnterprisesApi.Get(Api, id)).Profile.Name;
        EnterpriseNames = names;
    }
}

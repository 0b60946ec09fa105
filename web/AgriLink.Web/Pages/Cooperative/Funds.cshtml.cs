using AgriLink.Domain.Shares;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Shares;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The fiscal funds quantified into the cooperative's shares (资金变股金, <c>SharesApi.Funds</c>) with what their shares
/// earned, and registering or correcting one (<c>SharesApi.RegisterFund</c>): what the public disclosure then shows.
/// The fund ids offered are those the register's fiscal-fund holdings name. Money is typed in yuan.
/// </summary>
public sealed class FundsModel(FundDisclosureQueries disclosure, TimeProvider clock) : CooperativePage
{
    public IReadOnlyList<DisclosedFund> Funds { get; private set; } = [];

    /// <summary>Fund ids the register's fiscal-fund holdings name that are not registered yet.</summary>
    public IReadOnlyList<string> Unregistered { get; private set; } = [];

    /// <summary><c>?fund=</c>: the registered fund the form starts from, to correct it.</summary>
    [BindProperty(SupportsGet = true, Name = "fund")] public string? Editing { get; set; }

    [BindProperty] public string? FundId { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? DocumentNo { get; set; }
    [BindProperty, ProblemField("amountFen")] public string? Amount { get; set; }
    [BindProperty] public int Year { get; set; }
    [BindProperty] public string? Purpose { get; set; }

    public async Task OnGetAsync()
    {
        await Load();
        Year = Grains.Common.ChinaClock.Today(clock).Year;
        if (Funds.FirstOrDefault(f => f.FundId == Editing) is { } fund)
            (FundId, Source, DocumentNo, Amount, Year, Purpose) = (fund.FundId, fund.Source, fund.DocumentNo, Domain.Money.FromFen(fund.AmountFen).ToYuanString(), fund.Year, fund.Purpose);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var coop = await Load();
        var amountFen = FormValues.Fen(ModelState, T, nameof(Amount), Amount);
        if (string.IsNullOrWhiteSpace(FundId)) ModelState.AddModelError(nameof(FundId), T["请填写资金编号。"]);
        if (!ModelState.IsValid || amountFen is null) return Page();
        Value<RegisteredFund>(await SharesApi.RegisterFund(Api, coop, FundId!.Trim(), new FiscalFund(Source ?? "", DocumentNo ?? "", amountFen.Value, Year, Purpose)));
        return Redirect($"/cooperative/funds?coop={Uri.EscapeDataString(coop)}");
    }

    private async Task<string> Load()
    {
        var coop = await Cooperative();
        Funds = Value<IReadOnlyList<DisclosedFund>>(await SharesApi.Funds(Api, coop, disclosure));
        var register = Value<RegisterView>(await SharesApi.GetRegister(Api, coop, null));
        Unregistered = register.Holdings.Where(h => h is { ShareClass: ShareClass.FiscalFund, FundId: not null }).Select(h => h.FundId!)
            .Distinct(StringComparer.Ordinal).Where(id => Funds.All(f => f.FundId != id)).Order(StringComparer.Ordinal).ToList();
        return coop;
    }
}

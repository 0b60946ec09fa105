using AgriLink.Domain.Dividends;
using AgriLink.Domain.Errors;
using AgriLink.Grains.Common;
using AgriLink.Grains.Dividends;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// Year-end and the dividend declaration through <c>DividendsApi</c>: prepare (or recompute) the draft from the year's
/// figures, the totals and every shareholder's line (a page of <see cref="Paging.MaxLimit"/> at a time), the second
/// admin's approval, the public notice, payment. The status follows the cooperative's <c>dividend.*</c> events live.
/// </summary>
public sealed class DividendsModel(TimeProvider clock, Accounts.TwoFactorRequirement twoFactor) : CooperativePage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int Offset { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public DeclarationView? View { get; private set; }
    public Page<DividendLine>? Lines { get; private set; }
    public IReadOnlyDictionary<string, string> MemberNames { get; private set; } = new Dictionary<string, string>();
    public PaymentReport? Paid { get; private set; }

    [BindProperty, ProblemField("surplusFen")] public string? Surplus { get; set; }
    [BindProperty, ProblemField("priorLossesFen")] public string? PriorLosses { get; set; }
    [BindProperty, ProblemField("profitPerMuFen")] public string? ProfitPerMu { get; set; }
    [BindProperty] public DateOnly NoticeStart { get; set; } = clock.Today();
    [BindProperty] public DateOnly NoticeEnd { get; set; } = clock.Today().AddDays(6);


    public async Task OnGetAsync()
    {
        var (coop, _) = await Load();
        if (View is not { } v) return;
        (Surplus, PriorLosses, ProfitPerMu) = (FormValues.Yuan(v.Figures.SurplusFen), FormValues.Yuan(v.Figures.PriorLossesFen), FormValues.Yuan(v.Figures.ProfitPerMuFen));
        // The shortest notice the charter allows, counting both ends.
        if (v.Declaration.Status == DeclarationStatus.Approved)
            NoticeEnd = NoticeStart.AddDays(Value<Charter>(await SharesApi.GetCharter(Api, coop)).NoticeDays - 1);
    }

    public async Task<IActionResult> OnPostPrepareAsync()
    {
        var (coop, year) = await Load();
        var surplus = FormValues.Fen(ModelState, T, nameof(Surplus), Surplus);
        var losses = FormValues.Fen(ModelState, T, nameof(PriorLosses), PriorLosses, required: false) ?? 0;
        var perMu = FormValues.Fen(ModelState, T, nameof(ProfitPerMu), ProfitPerMu, required: false) ?? 0;
        if (!ModelState.IsValid || surplus is null) return Page();
        Value<DeclarationView>(await DividendsApi.Prepare(Api, coop, year, new YearEndFigures(surplus.Value, losses, perMu)));
        return Back(coop, year);
    }

    public async Task<IActionResult> OnPostApproveAsync()
    {
        var (coop, year) = await Load();
        // A year that did not bind would fall back to the latest: nothing is approved or paid on a value the user did not give.
        if (!ModelState.IsValid) return Page();
        Value<DeclarationView>(await DividendsApi.Approve(Api, coop, year, twoFactor));
        return Back(coop, year);
    }

    public async Task<IActionResult> OnPostPubliciseAsync()
    {
        var (coop, year) = await Load();
        if (!ModelState.IsValid) return Page();
        Value<DeclarationView>(await DividendsApi.Publicise(Api, coop, year, new PubliciseRequest(NoticeStart, NoticeEnd)));
        return Back(coop, year);
    }

    public async Task<IActionResult> OnPostPayAsync()
    {
        var (coop, year) = await Load();
        if (!ModelState.IsValid) return Page();
        Paid = Value<PaymentReport>(await DividendsApi.Pay(Api, coop, year, twoFactor));
        await Load();
        return Page();
    }

    private RedirectResult Back(string coop, int year) => Redirect($"/cooperative/dividends/{year}?coop={Uri.EscapeDataString(coop)}");

    private async Task<(string Coop, int Year)> Load()
    {
        var coop = await Cooperative();
        Years = Value<IReadOnlyList<int>>(await DividendsApi.Years(Api, coop));
        var year = Year ??= Years.Count > 0 ? Years.Max() : Today.Year - 1;
        new Validator().Range("year", year, 2000, 9998).Range("offset", Offset, 0, int.MaxValue).ThrowIfInvalid();
        try
        {
            View = Value<DeclarationView>(await DividendsApi.Get(Api, coop, year));
        }
        catch (NotFoundException)
        {
            View = null; // no declaration for the year yet: the page offers to prepare one
        }
        Lines = View is null ? null : Value<Page<DividendLine>>(await DividendsApi.Lines(Api, coop, year, Offset, Paging.MaxLimit));
        MemberNames = await MemberNamesOf(coop);
        LiveRefreshOn.AddRange(["dividend.draft", "dividend.approved", "dividend.publicised", "dividend.paid"]);
        return (coop, year);
    }
}

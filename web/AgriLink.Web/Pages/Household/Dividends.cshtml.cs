using System.Globalization;
using AgriLink.Domain.Dividends;
using AgriLink.Grains.Dividends;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Household;

/// <summary>
/// My dividends: each year's amount, then every part of it in plain words with the rule behind it (the API's own
/// explanations in the page's language), and the statement to download. While a year is on public notice the member may
/// object to it here (<c>DividendsApi.Object</c>); each objection shows with the cooperative's answer.
/// </summary>
public sealed class DividendsModel : HouseholdPage
{
    public IReadOnlyList<ShareholderDividend> Dividends { get; private set; } = [];

    public string Lang => CultureInfo.CurrentUICulture.Name == "en" ? "en" : "zh";

    [BindProperty] public string? CooperativeId { get; set; }
    [BindProperty] public int Year { get; set; }
    [BindProperty, ProblemField("text")] public string? Text { get; set; }

    public async Task OnGetAsync() => await Load();

    public async Task<IActionResult> OnPostObjectAsync()
    {
        await Load();
        if (string.IsNullOrWhiteSpace(Text))
        {
            ModelState.AddModelError(nameof(Text), T["请写明异议内容"].Value);
            return Page();
        }
        Value<DeclarationView>(await DividendsApi.Object(Api, CooperativeId ?? "", Year, new ObjectionRequest(Text)));
        return Redirect("/household/dividends");
    }

    /// <summary>The member may object to a year still on notice (the last notice day included).</summary>
    public bool MayObject(ShareholderDividend d) => d.Status == DeclarationStatus.Publicised && d.NoticeEnd is { } end && Today <= end;

    private async Task Load()
    {
        Dividends = Value<IReadOnlyList<ShareholderDividend>>(await HouseholdDividendsApi.Dividends(Api, Household(), Lang));
        LiveRefreshOn.AddRange(["dividend.publicised", "dividend.paid"]);
    }

    public string StatementUrl(string format) =>
        $"/api/households/{Uri.EscapeDataString(HouseholdId!)}/dividends/statement?format={format}&lang={Lang}";
}

using System.Globalization;
using AgriLink.Web.Apis;

namespace AgriLink.Web.Pages.Household;

/// <summary>
/// My dividends: each year's amount, then every part of it in plain words with the rule behind it (the API's own
/// explanations in the page's language), and the statement to download.
/// </summary>
public sealed class DividendsModel : HouseholdPage
{
    public IReadOnlyList<ShareholderDividend> Dividends { get; private set; } = [];

    public string Lang => CultureInfo.CurrentUICulture.Name == "en" ? "en" : "zh";

    public async Task OnGetAsync()
    {
        Dividends = Value<IReadOnlyList<ShareholderDividend>>(await HouseholdDividendsApi.Dividends(Api, Household(), Lang));
        LiveRefreshOn.AddRange(["dividend.publicised", "dividend.paid"]);
    }

    public string StatementUrl(string format) =>
        $"/api/households/{Uri.EscapeDataString(HouseholdId!)}/dividends/statement?format={format}&lang={Lang}";
}

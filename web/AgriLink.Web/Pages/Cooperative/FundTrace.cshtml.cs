using AgriLink.Web.Apis;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// One fiscal fund (资金变股金) traced through one year's distribution (<c>DividendsApi.TraceFund</c>): the shares it formed
/// as they stood at the year's end, and every fen of dividend they earned, shareholder by shareholder, with the ledger key
/// of the transfer that paid it. What fund oversight asks a cooperative to show.
/// </summary>
public sealed class FundTraceModel : CooperativePage
{
    public FundTrace Trace { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(string fundId, int year)
    {
        var coop = await Cooperative();
        Trace = Value<FundTrace>(await DividendsApi.TraceFund(Api, coop, year, fundId));
        Names = await MemberNamesOf(coop);
    }

    public string NameOf(string shareholderId) => Names.GetValueOrDefault(shareholderId, shareholderId);
}

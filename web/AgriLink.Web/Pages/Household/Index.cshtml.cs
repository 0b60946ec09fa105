using AgriLink.Web.Apis;

namespace AgriLink.Web.Pages.Household;

/// <summary>My shares and certificates (股权证): <c>GET /api/households/{id}/holdings</c>.</summary>
public sealed class IndexModel : HouseholdPage
{
    public IReadOnlyList<ShareholderHoldings> Holdings { get; private set; } = [];

    public async Task OnGetAsync() =>
        Holdings = Value<IReadOnlyList<ShareholderHoldings>>(await HouseholdDividendsApi.Holdings(Api, Household()));
}

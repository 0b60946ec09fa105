using AgriLink.Grains.Households;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Household;

/// <summary>
/// My shares and certificates (股权证): <c>GET /api/households/{id}/holdings</c>; and, for the household itself, the
/// cooperatives' invitations to join, accepted or declined here (<c>HouseholdsApi.AcceptInvitation</c>, <c>DeclineInvitation</c>).
/// </summary>
public sealed class IndexModel : HouseholdPage
{
    public IReadOnlyList<ShareholderHoldings> Holdings { get; private set; } = [];

    public IReadOnlyList<MembershipInvitation> Invitations { get; private set; } = [];

    [BindProperty] public string? CooperativeId { get; set; }

    public async Task OnGetAsync()
    {
        var household = Household();
        Holdings = Value<IReadOnlyList<ShareholderHoldings>>(await HouseholdDividendsApi.Holdings(Api, household));
        if (User.IsHousehold(household))
            Invitations = Value<HouseholdDetails>(await HouseholdsApi.Get(Api, household)).Invitations ?? [];
    }

    public async Task<IActionResult> OnPostAcceptAsync()
    {
        Value<HouseholdDetails>(await HouseholdsApi.AcceptInvitation(Api, Household(), CooperativeId ?? ""));
        return Redirect("/household");
    }

    public async Task<IActionResult> OnPostDeclineAsync()
    {
        Value<HouseholdDetails>(await HouseholdsApi.DeclineInvitation(Api, Household(), CooperativeId ?? ""));
        return Redirect("/household");
    }
}

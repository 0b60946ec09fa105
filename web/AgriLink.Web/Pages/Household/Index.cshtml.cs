using AgriLink.Grains.Common;
using AgriLink.Grains.Households;
using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Household;

/// <summary>
/// My shares and certificates (股权证): <c>GET /api/households/{id}/holdings</c>; and, for the household itself, the
/// cooperatives' invitations to join, accepted or declined here (<c>HouseholdsApi.AcceptInvitation</c>, <c>DeclineInvitation</c>),
/// and last year's and this year's income the platform recorded, each source with its amount (<c>HouseholdIncomeApi.Income</c>).
/// </summary>
public sealed class IndexModel : HouseholdPage
{
    public IReadOnlyList<ShareholderHoldings> Holdings { get; private set; } = [];

    public IReadOnlyList<MembershipInvitation> Invitations { get; private set; } = [];

    /// <summary>
    /// Last year's recorded income and this year's so far: for the household itself, never for its cooperative's admins.
    /// </summary>
    public IReadOnlyList<HouseholdIncomeView> Income { get; private set; } = [];

    [BindProperty] public string? CooperativeId { get; set; }

    public async Task OnGetAsync()
    {
        var household = Household();
        Holdings = Value<IReadOnlyList<ShareholderHoldings>>(await HouseholdDividendsApi.Holdings(Api, household));
        if (User.IsHousehold(household))
            Invitations = Value<HouseholdDetails>(await HouseholdsApi.Get(Api, household)).Invitations ?? [];
        if (User.IsHousehold(household))
        {
            var services = HttpContext.RequestServices;
            var clock = services.GetRequiredService<TimeProvider>();
            var (income, lines) = (services.GetRequiredService<IncomeQueries>(), services.GetRequiredService<MonitoringLines>());
            var years = new List<HouseholdIncomeView>();
            foreach (var year in new[] { clock.Today().Year - 1, clock.Today().Year })
                years.Add(Value<HouseholdIncomeView>(await HouseholdIncomeApi.Income(Api, household, year, income, lines, clock)));
            Income = years;
        }
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

using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Monitoring;
using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Monitoring;

/// <summary>
/// The monitoring cases (防返贫监测) of the reader's areas — a village cadre's villages, a township officer's township, a
/// county officer's county — a page at a time, by stage or overdue (<c>MonitoringCasesApi.List</c>, audited like the
/// API), and opening one by the channels the reader's role takes.
/// </summary>
public sealed class CasesModel(MonitoringQueries queries) : AgriLinkPage
{
    public Page<CaseRow> Cases { get; private set; } = new([], 0, 0, 50);

    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty, ProblemField("householdId")] public string? HouseholdId { get; set; }
    [BindProperty, ProblemField("discoveryChannel")] public DiscoveryChannel? Channel { get; set; }
    [BindProperty, ProblemField("note")] public string? Note { get; set; }

    /// <summary>The channels the reader's role opens a case by (a cadre takes down a household's report; a county officer has departments' data).</summary>
    public IReadOnlyList<DiscoveryChannel> Channels =>
    [
        DiscoveryChannel.CadreVisit,
        .. User.IsInRole(Roles.CountyOfficer) ? [DiscoveryChannel.DepartmentData] : Array.Empty<DiscoveryChannel>(),
        .. User.IsInRole(Roles.VillageCadre) ? [DiscoveryChannel.SelfReport] : Array.Empty<DiscoveryChannel>(),
    ];

    public async Task OnGetAsync() => await Load();

    public async Task<IActionResult> OnPostOpenAsync()
    {
        await Load();
        var opened = Value<CaseView>(await MonitoringCasesApi.Open(Api, new OpenCaseRequest(HouseholdId, Channel, Note)));
        return Redirect($"/monitoring/cases/{opened.Id}");
    }

    private async Task Load()
    {
        var clock = HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        Cases = Value<Page<CaseRow>>(await MonitoringCasesApi.List(Api, queries, clock, null, null, string.IsNullOrEmpty(Stage) ? null : Stage,
            Overdue ? true : null, After, 50));
    }
}

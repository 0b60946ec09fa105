using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Monitoring;
using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.County;

/// <summary>
/// A county officer's monitoring cases (防返贫监测): the county's cases a page at a time, by stage or overdue
/// (<c>MonitoringCasesApi.List</c>, audited like the API), and opening one from a visit or a department's data.
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

    public async Task OnGetAsync() => await Load();

    public async Task<IActionResult> OnPostOpenAsync()
    {
        await Load();
        var opened = Value<CaseView>(await MonitoringCasesApi.Open(Api, queries, new OpenCaseRequest(HouseholdId, Channel, Note)));
        return Redirect($"/county/cases/{opened.Id}");
    }

    private async Task Load()
    {
        var clock = HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        Cases = Value<Page<CaseRow>>(await MonitoringCasesApi.List(Api, queries, clock, null, string.IsNullOrEmpty(Stage) ? null : Stage,
            Overdue ? true : null, After, 50));
    }
}

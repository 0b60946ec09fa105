using System.Globalization;
using AgriLink.Domain.Cooperatives;
using AgriLink.Grains.Common;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Directory;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using AdmissionAnswer = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<AgriLink.Grains.Cooperatives.CooperativeAdmission>,
    Microsoft.AspNetCore.Http.HttpResults.ForbidHttpResult>;

namespace AgriLink.Web.Pages.Operator;

/// <summary>
/// The platform operator's dashboard in the spirit of 扶贫云: sales by county, the certified products' share of them,
/// poor households reached and their income from sales and dividends, budget units' quota compliance (each a chart
/// and a table, each table as CSV with BOM and .xlsx), and the admission queue with its history, through
/// <c>AdmissionApi</c>.
/// </summary>
public sealed class IndexModel : AgriLinkPage
{
    public ImpactFigures Figures { get; private set; } = new([], [], [], 0);
    public IReadOnlyList<(DirectoryEntry Cooperative, CooperativeAdmission Admission)> Admissions { get; private set; } = [];

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public AdmissionSuspensionReason? SuspensionReason { get; set; }
    [BindProperty] public string? Note { get; set; }

    public bool Chinese => CultureInfo.CurrentUICulture.Name != "en";

    public async Task OnGetAsync() => await Load();

    public async Task<IActionResult> OnGetExportAsync(string format, string? table)
    {
        var name = table ?? "impact";
        var export = ImpactReport.AsTable(await ImpactReport.Load(Api, HttpContext.RequestServices.GetRequiredService<Grains.Projections.ImpactQueries>(), Year()), name, Chinese)
            ?? throw Domain.Errors.ValidationFailedException.For("table", "must be impact, households or quotas.");
        var file = name switch { "households" => "poor-households", "quotas" => "quota-compliance", _ => "impact-by-county" };
        return export.File(format, file);
    }

    public Task<IActionResult> OnPostApproveAsync(string cooperativeId) =>
        Step(() => AdmissionApi.Approve(Api, cooperativeId, null));

    public Task<IActionResult> OnPostRejectAsync(string cooperativeId) =>
        Step(() => AdmissionApi.Reject(Api, cooperativeId, new AdmissionRejectRequest(Reason)));

    public Task<IActionResult> OnPostSuspendAsync(string cooperativeId) =>
        Step(() => AdmissionApi.Suspend(Api, cooperativeId, new AdmissionSuspendRequest(SuspensionReason, Reason)));

    public Task<IActionResult> OnPostReinstateAsync(string cooperativeId) =>
        Step(() => AdmissionApi.Reinstate(Api, cooperativeId, new AdmissionNoteRequest(Note)));

    /// <summary>Loads first, so a refusal shows the page with its message beside the queue.</summary>
    private async Task<IActionResult> Step(Func<Task<AdmissionAnswer>> step)
    {
        await Load();
        Value<CooperativeAdmission>(await step());
        return RedirectToPage(null, null, "admissions");
    }

    private int Year() => HttpContext.RequestServices.GetRequiredService<TimeProvider>().Today().Year;

    private async Task Load()
    {
        Figures = await ImpactReport.Load(Api, HttpContext.RequestServices.GetRequiredService<Grains.Projections.ImpactQueries>(), Year());
        var cooperatives = Value<Page<DirectoryEntry>>(await CooperativesApi.List(Api, null, 0, Paging.MaxLimit)).Items;
        var admissions = new List<(DirectoryEntry, CooperativeAdmission)>();
        foreach (var c in cooperatives)
            admissions.Add((c, Value<CooperativeAdmission>(await AdmissionApi.Get(Api, c.Id))));
        Admissions = admissions;
    }
}

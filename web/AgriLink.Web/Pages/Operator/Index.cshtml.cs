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
public sealed class IndexModel(Grains.Projections.DirectoryQueries directory) : AgriLinkPage
{
    /// <summary>Admissions shown a page at a time, read from the projection (a province has some 11,000 cooperatives).</summary>
    public const int AdmissionPageSize = 50;

    /// <summary>The statuses the queue can be narrowed to, the operator's own decisions first.</summary>
    public static readonly AdmissionStatus[] AdmissionFilters =
        [AdmissionStatus.CountyRecommended, AdmissionStatus.Applied, AdmissionStatus.Approved, AdmissionStatus.Suspended, AdmissionStatus.Rejected];

    public ImpactFigures Figures { get; private set; } = new([], [], [], 0);
    public IReadOnlyList<(DirectoryEntry Cooperative, CooperativeAdmission Admission)> Admissions { get; private set; } = [];
    public IReadOnlyDictionary<string, int> AdmissionCounts { get; private set; } = new Dictionary<string, int>();
    public int AdmissionsTotal { get; private set; }
    public string? AdmissionsNext { get; private set; }

    /// <summary>The admission status the queue shows (null: every cooperative).</summary>
    [BindProperty(SupportsGet = true)] public AdmissionStatus? Admission { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public AdmissionSuspensionReason? SuspensionReason { get; set; }
    [BindProperty] public string? Note { get; set; }

    public bool Chinese => CultureInfo.CurrentUICulture.Name != "en";

    public async Task OnGetAsync() => await Load();

    public async Task<IActionResult> OnGetExportAsync(string format, string? table)
    {
        var name = table ?? "impact";
        var export = ImpactReport.AsTable(await LoadFigures(int.MaxValue), name, Chinese)
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
        return RedirectToPage(null, null, new { admission = Admission, after = After }, "admissions");
    }

    private Task<ImpactFigures> LoadFigures(int quotaUnits = ImpactReport.QuotaUnitsShown) => ImpactReport.Load(
        HttpContext.RequestServices.GetRequiredService<Grains.Projections.ImpactQueries>(),
        HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Grains.Quotas.QuotaOptions>>().Value.Table(), Year(), quotaUnits);

    private int Year() => HttpContext.RequestServices.GetRequiredService<TimeProvider>().Today().Year;

    private async Task Load()
    {
        Figures = await LoadFigures();
        var page = await directory.CooperativeAdmissions(null, Admission?.ToString(), new Grains.Projections.PageRequest(0, AdmissionPageSize, After));
        AdmissionsTotal = page.Total;
        AdmissionsNext = page.Next;
        AdmissionCounts = await directory.AdmissionCounts();
        // Each row's history comes from its grain: one call per row shown, never per cooperative in the province.
        var admissions = new List<(DirectoryEntry, CooperativeAdmission)>();
        foreach (var c in page.Items)
            admissions.Add((c, Value<CooperativeAdmission>(await AdmissionApi.Get(Api, c.Id))));
        Admissions = admissions;
    }
}

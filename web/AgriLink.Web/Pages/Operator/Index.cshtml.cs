using System.Globalization;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Directory;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Operator;

/// <summary>
/// The platform operator's dashboard in the spirit of 扶贫云: impact by county (table, bar chart, CSV with BOM and
/// .xlsx), and the admission queue with approve/reject through <c>AdmissionApi</c>.
/// </summary>
public sealed class IndexModel : AgriLinkPage
{
    public IReadOnlyList<CountyImpact> Counties { get; private set; } = [];
    public IReadOnlyList<(DirectoryEntry Cooperative, CooperativeAdmission Admission)> Admissions { get; private set; } = [];
    public long MaxSalesFen => Counties.Count == 0 ? 0 : Counties.Max(c => c.SalesFen);

    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync() => await Load();

    public async Task<IActionResult> OnGetExportAsync(string format)
    {
        var table = ImpactReport.AsTable(await ImpactReport.ByCounty(Api.Grains), CultureInfo.CurrentUICulture.Name != "en");
        return format switch
        {
            "csv" => File(table.Csv(), "text/csv; charset=utf-8", "impact-by-county.csv"),
            "xlsx" => File(table.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "impact-by-county.xlsx"),
            _ => throw Domain.Errors.ValidationFailedException.For("format", "must be csv or xlsx."),
        };
    }

    public async Task<IActionResult> OnPostApproveAsync(string cooperativeId)
    {
        await Load();
        Value<CooperativeAdmission>(await AdmissionApi.Approve(Api, cooperativeId, null));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRejectAsync(string cooperativeId)
    {
        await Load();
        Value<CooperativeAdmission>(await AdmissionApi.Reject(Api, cooperativeId, new AdmissionRejectRequest(Reason)));
        return RedirectToPage();
    }

    private async Task Load()
    {
        Counties = await ImpactReport.ByCounty(Api.Grains);
        var cooperatives = Value<Page<DirectoryEntry>>(await CooperativesApi.List(Api, null, 0, Paging.MaxLimit)).Items;
        var admissions = new List<(DirectoryEntry, CooperativeAdmission)>();
        foreach (var c in cooperatives)
            admissions.Add((c, Value<CooperativeAdmission>(await AdmissionApi.Get(Api, c.Id))));
        Admissions = admissions;
    }
}

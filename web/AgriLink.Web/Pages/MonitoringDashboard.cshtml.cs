using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages;

/// <summary>
/// The 防返贫监测 dashboard of an area (<c>MonitoringDashboardApi</c>): cases by the next area down and stage, overdue, by
/// category and channel; for a county and above, its households still without a village code. Outside the Monitoring
/// folder because region officers (市、省) read it and work on no case.
/// </summary>
[Authorize(Roles = $"{Roles.PlatformAdmin},{Roles.CountyOfficer},{Roles.TownshipOfficer},{Roles.VillageCadre},{Roles.RegionOfficer}")]
public sealed class MonitoringDashboardModel(MonitoringDashboardQueries queries) : AgriLinkPage
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }

    public MonitoringDashboard? Figures { get; private set; }

    public IReadOnlyList<VillageHousehold> Unplaced { get; private set; } = [];

    /// <summary>The areas the reader may pick (an operator types one).</summary>
    public IReadOnlyList<string> Areas => User.DashboardAreas();

    public async Task OnGetAsync()
    {
        if (User.IsPlatformAdmin() && string.IsNullOrEmpty(Area)) return;
        var clock = HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        Figures = Value<MonitoringDashboard>(await MonitoringDashboardApi.Dashboard(Api, queries, clock, string.IsNullOrEmpty(Area) ? null : Area));
        if (Figures.HouseholdsWithoutVillageCode > 0)
            Unplaced = Value<IReadOnlyList<VillageHousehold>>(await MonitoringDashboardApi.WithoutVillage(Api, queries, Figures.Area, null, 50));
    }

    /// <summary>The count of one area and key (a stage, or <c>overdue</c>).</summary>
    public long Count(string? area, string key) => MonitoringDashboardTables.Count(Figures!, area, key);

    /// <summary>One table of the dashboard as CSV (BOM) or .xlsx, through the API's own export (the same area check).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format)
    {
        var clock = HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var t = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var result = await MonitoringDashboardApi.Export(Api, queries, clock, t, string.IsNullOrEmpty(Area) ? null : Area, table, format);
        return result.Result is Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult file
            ? File(file.FileContents.ToArray(), file.ContentType!, file.FileDownloadName)
            : Forbid();
    }

    /// <summary>The export link of one table in one format, for the area shown.</summary>
    public string ExportUrl(string table, string format) =>
        $"/monitoring/dashboard?handler=Export&Area={Uri.EscapeDataString(Figures?.Area ?? "")}&table={table}&format={format}";
}

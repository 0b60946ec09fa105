using AgriLink.Domain.Codes;
using AgriLink.Domain.Errors;
using AgriLink.Grains.Common;
using AgriLink.Grains.Projections;
using AgriLink.Web.Auth;
using AgriLink.Web.Localization;
using AgriLink.Web.Pages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace AgriLink.Web.Apis;

/// <summary>
/// The 防返贫监测 dashboards (counts only, no household's case): a province's or prefecture's for its region officers, a
/// county's, township's or village's for the officers and cadres who work there, any for operators; and the households of
/// a county (or region) still without a village code, whom only the county reaches until one is set.
/// </summary>
public static class MonitoringDashboardApi
{
    public static RouteGroupBuilder MapMonitoringDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring").WithTags("Monitoring").RequireAuthorization();
        api.MapGet("/dashboard", Dashboard).WithName("MonitoringDashboard")
            .WithSummary("An area's monitoring figures (?area= a province's 2, prefecture's 4, county's 6, township's 9 or village's 12 digits; default the caller's first): cases by the next area down and stage, overdue, by category and channel, households without a village code.");
        api.MapGet("/dashboard/export", Export).WithName("ExportMonitoringDashboard")
            .WithSummary("One table of an area's monitoring dashboard (?table= areas, categories, channels, measures, outcomes or incomes; ?format= csv, UTF-8 with a BOM, or xlsx; ?area= as the dashboard).");
        api.MapGet("/households-without-village", WithoutVillage).WithName("HouseholdsWithoutVillageCode")
            .WithSummary("A county's (or region's) households without a village code, by id (keyset ?after=): on no cadre's list until one is set.");
        return api;
    }

    public static async Task<Results<Ok<MonitoringDashboard>, ForbidHttpResult>> Dashboard(
        [AsParameters] ApiServices s, MonitoringDashboardQueries queries, TimeProvider clock, string? area)
    {
        if (Area(s, area) is not { } asked) return TypedResults.Forbid();
        return TypedResults.Ok(await queries.For(asked, clock.Now()));
    }

    public static async Task<Results<FileContentHttpResult, ForbidHttpResult>> Export(
        [AsParameters] ApiServices s, MonitoringDashboardQueries queries, TimeProvider clock, IStringLocalizer<SharedResource> t,
        string? area, string? table, string? format)
    {
        new Validator()
            .Check(table is not null && MonitoringDashboardTables.Names.Contains(table), "table", "must be areas, categories, channels, measures, outcomes or incomes.")
            .Check(format is "csv" or "xlsx", "format", "must be csv or xlsx.")
            .ThrowIfInvalid();
        if (Area(s, area) is not { } asked) return TypedResults.Forbid();
        var file = MonitoringDashboardTables.AsTable(await queries.For(asked, clock.Now()), table!, key => t[key].Value)!.File(format, $"monitoring-{table}-{asked}");
        return TypedResults.File(file.FileContents, file.ContentType, file.FileDownloadName);
    }

    public static async Task<Results<Ok<IReadOnlyList<VillageHousehold>>, ForbidHttpResult>> WithoutVillage(
        [AsParameters] ApiServices s, MonitoringDashboardQueries queries, string? area, string? after, int? limit)
    {
        if (Area(s, area) is not { } asked) return TypedResults.Forbid();
        return TypedResults.Ok(await queries.WithoutVillageCode(asked, after, Paging.Limit(limit, 50)));
    }

    /// <summary>The area asked (or the caller's first) when the caller may read it; null (403) otherwise.</summary>
    internal static string? Area(ApiServices s, string? area)
    {
        new Validator().Check(area is null || AreaCode.IsArea(area) || AreaCode.IsRegion(area), "area",
            "must be a province's, prefecture's, county's, township's or village's code (2, 4, 6, 9 or 12 digits).").ThrowIfInvalid();
        if (s.User.IsPlatformAdmin()) return area ?? throw ValidationFailedException.For("area", "is required.");
        var mine = s.User.DashboardAreas();
        var asked = area ?? mine.FirstOrDefault();
        return asked is not null && mine.Any(m => asked.StartsWith(m, StringComparison.Ordinal)) ? asked : null;
    }
}

using AgriLink.Domain.Codes;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Identifiers;
using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Common;
using AgriLink.Grains.Monitoring;
using AgriLink.Grains.Projections;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>
/// 防返贫动态监测 cases: opened by the household's own report, a cadre's visit or a department's data (and by the
/// platform's warnings), then reviewed, checked, confirmed, helped and closed per role, each role within its area (a village
/// cadre its villages, a township officer its township, a county officer its county; <see cref="CaseAccess"/>). Cases are
/// sensitive: nobody sees a case outside their areas, a household only its own, operators all; every read is audited.
/// </summary>
public static class MonitoringCasesApi
{
    /// <summary>A list read is audited against the areas it covered (their codes, comma-separated).</summary>
    private const string ListAuditResource = "monitoring-area";

    public static RouteGroupBuilder MapMonitoringCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring/cases").WithTags("Monitoring").RequireAuthorization();
        api.MapGet("/", List).WithName("ListMonitoringCases")
            .WithSummary("The cases of the caller's areas, or of one of them (?area= a county's, township's or village's code; ?county= as before), by id (?stage=, ?overdue=true, keyset ?after=); operators name the area. The read is audited.");
        api.MapPost("/", Open).WithName("OpenMonitoringCase")
            .WithSummary("Open a case: the household's own report (SelfReport, also taken down by its village's cadre), a visit (CadreVisit: its village's cadre, township or county officer) or a department's data (DepartmentData: its county's officer).");
        api.MapGet("/{caseId}", Get).WithName("GetMonitoringCase").WithSummary("A case with its timeline (its household, the cadres and officers of its village, township and county, operators); the read is audited.");
        api.MapPost("/{caseId}/steps", Act).WithName("ActOnMonitoringCase")
            .WithSummary("The case's next step: VillageReview, TownshipCheck, CountyConfirm (category), Dismiss (note = reason), AddMeasure (measure), EliminateRisk (monthsAboveLine), Close.");
        app.MapGet("/api/cooperatives/{id}/monitored-members", MonitoredMembers).WithTags("Monitoring").RequireAuthorization().WithName("ListMonitoredMembers")
            .WithSummary("The cooperative's member households under confirmed monitoring (name and village; no category, stage or case), so it can offer an offtake or a preferred share (its admins, operators); the read is audited.");
        app.MapPost("/api/monitoring/warnings/{county}/run", RunWarnings).WithTags("Monitoring").RequireAuthorization().WithName("RunMonitoringWarnings")
            .WithSummary("Evaluate the county's warnings now (they also run daily): opens a platform-warning case once per household, warning and year (the county's officers, operators).");
        return api;
    }

    public static async Task<Results<Ok<WarningRun>, ForbidHttpResult>> RunWarnings([AsParameters] ApiServices s, string county)
    {
        if (!s.User.ActsForCounty(county)) return TypedResults.Forbid();
        return TypedResults.Ok(await s.Grains.GetGrain<IMonitoringWarningsGrain>(county).Run());
    }

    /// <summary>
    /// The market link: the cooperative is told which of its member households the county confirmed as monitored (never
    /// the category: the privacy line), a keyset page by member id.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<MonitoredMember>>, ForbidHttpResult>> MonitoredMembers(
        [AsParameters] ApiServices s, MonitoringQueries cases, string id, string? after, int? limit)
    {
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        await s.Audit.Record(s.User, "monitoring-members.read", "cooperative", id, null, new { after });
        return TypedResults.Ok(await cases.MonitoredMembersOf(id, after, Paging.Limit(limit, 100)));
    }

    public static async Task<Results<Ok<Page<CaseRow>>, ForbidHttpResult>> List(
        [AsParameters] ApiServices s, MonitoringQueries cases, TimeProvider clock, string? county, string? area, string? stage, bool? overdue, string? after, int? limit)
    {
        new Validator().Check(stage is null || Enum.TryParse<CaseStage>(stage, ignoreCase: false, out _), "stage", "is not a known case stage.")
            .Check(area is null || AreaCode.IsArea(area), "area", "must be a county's, township's or village's code (6, 9 or 12 digits).")
            .ThrowIfInvalid();
        var asked = area ?? county;
        IReadOnlyList<string> areas = asked is null ? s.User.MonitoringAreas() : [asked];
        // One area asked: it must lie within one of the caller's own (a county officer may narrow to a village of the county).
        if (areas.Count == 0 || (asked is not null && !s.User.IsPlatformAdmin()
            && !s.User.MonitoringAreas().Any(mine => asked.StartsWith(mine, StringComparison.Ordinal))))
            return TypedResults.Forbid();
        var page = PageRequest.Of(null, limit, after);
        await s.Audit.Record(s.User, "monitoring-case.list", ListAuditResource, string.Join(',', areas), null, new { stage, overdue, after });
        var found = await cases.Cases(areas, stage, overdue == true ? clock.Now() : null, page);
        return TypedResults.Ok(Paging.From(found, page));
    }

    public static async Task<Results<Created<CaseView>, ForbidHttpResult>> Open([AsParameters] ApiServices s, OpenCaseRequest request)
    {
        new Validator().Text("householdId", request.HouseholdId, 64)
            .Check(request.DiscoveryChannel is { } c && Enum.IsDefined(c) && c != DiscoveryChannel.PlatformWarning, "discoveryChannel",
                "must be SelfReport, CadreVisit or DepartmentData.")
            .ThrowIfInvalid();
        if (await HouseholdIncomeApi.Readable(s, request.HouseholdId!) is not { } household) return TypedResults.Forbid();
        var channel = request.DiscoveryChannel!.Value;
        var roles = CaseAccess.RolesOn(s.User, household.Profile.CountyCode, household.Profile.VillageCode, household.Id);
        if (roles is []) return TypedResults.Forbid();
        var role = roles.FirstOrDefault(r => MonitoringCase.MayOpen(r, channel), roles[0]);
        var id = Ids.New("mc");
        using var audit = s.Audit.Declare(s.User, "monitoring-case.open", MonitoringCaseGrain.AuditResource, id);
        // The household's grain decides: of two openings at once, one opens and the other finds it open.
        var opening = await s.Grains.GetGrain<IHouseholdMonitoringGrain>(household.Id).OpenCase(id,
            new OpenCase(household.Id, channel, request.Note), role, s.User.ActorName());
        if (!opening.Opened)
            throw new RuleViolationException("monitoring.case-open", $"Household '{household.Id}' already has an open case ('{opening.Case.Id}').");
        return TypedResults.Created($"/api/monitoring/cases/{id}", opening.Case);
    }

    public static async Task<Results<Ok<CaseView>, ForbidHttpResult>> Get([AsParameters] ApiServices s, string caseId)
    {
        if (await Readable(s, caseId) is not { } found) return TypedResults.Forbid();
        await s.Audit.Record(s.User, "monitoring-case.read", MonitoringCaseGrain.AuditResource, caseId, null, null);
        return TypedResults.Ok(found);
    }

    public static async Task<Results<Ok<CaseView>, ForbidHttpResult>> Act([AsParameters] ApiServices s, string caseId, CaseStepRequest request)
    {
        new Validator().Check(request.Action is { } a && Enum.IsDefined(a), "action", "is not a known case action.").ThrowIfInvalid();
        if (await Readable(s, caseId) is not { } found) return TypedResults.Forbid();
        var action = request.Action!.Value;
        var roles = CaseAccess.RolesOn(s.User, found.CountyCode, found.VillageCode, found.Case.HouseholdId);
        // The household reports; it takes no step of its own case. Operators read and act as nobody.
        if (roles is [] or [CaseRole.Household]) return TypedResults.Forbid();
        var role = roles.FirstOrDefault(r => MonitoringCase.Allows(action, r, found.Case.Stage), roles[0]);
        using var audit = s.Audit.Declare(s.User, "monitoring-case." + MonitoringCase.StepName(action), MonitoringCaseGrain.AuditResource, caseId);
        return TypedResults.Ok(await s.Grains.GetGrain<IMonitoringCaseGrain>(caseId).Act(
            new CaseCommand(action, request.Note, request.Category, request.Measure, request.MonthsAboveLine), role, s.User.ActorName()));
    }

    /// <summary>
    /// The case when the caller may read it (operators, the cadres and officers whose area holds it, the household itself);
    /// null (403) otherwise, and for a case that does not exist, except to operators (404).
    /// </summary>
    internal static async Task<CaseView?> Readable(ApiServices s, string caseId)
    {
        var found = await s.Grains.GetGrain<IMonitoringCaseGrain>(caseId).Get();
        if (found is null)
            return s.User.IsPlatformAdmin() ? throw new NotFoundException(MonitoringCaseGrain.AuditResource, caseId) : null;
        return s.User.WorksOnHousehold(found.CountyCode, found.VillageCode) || s.User.IsHousehold(found.Case.HouseholdId) ? found : null;
    }
}

/// <summary>Opening a case: whose, found how (<c>SelfReport</c>, <c>CadreVisit</c>, <c>DepartmentData</c>), and a note.</summary>
public sealed record OpenCaseRequest(string? HouseholdId, DiscoveryChannel? DiscoveryChannel, string? Note);

/// <summary>A step of a case (see <see cref="CaseCommand"/>).</summary>
public sealed record CaseStepRequest(CaseAction? Action, string? Note, MonitoringCategory? Category, AssistanceMeasure? Measure, int? MonthsAboveLine);

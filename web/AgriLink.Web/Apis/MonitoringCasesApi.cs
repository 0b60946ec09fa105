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
/// platform's warnings), then reviewed, checked, confirmed, helped and closed per role. Cases are sensitive: a county's
/// officers see their county's cases, a household only its own, operators all; every read is audited.
/// </summary>
public static class MonitoringCasesApi
{
    private const string ListAuditResource = "monitoring-county";

    public static RouteGroupBuilder MapMonitoringCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring/cases").WithTags("Monitoring").RequireAuthorization();
        api.MapGet("/", List).WithName("ListMonitoringCases")
            .WithSummary("A county's cases by id (?county=, ?stage=, ?overdue=true, keyset ?after=): its officers and operators; the read is audited.");
        api.MapPost("/", Open).WithName("OpenMonitoringCase")
            .WithSummary("Open a case: the household's own report (SelfReport), or its county's officer (CadreVisit, DepartmentData).");
        api.MapGet("/{caseId}", Get).WithName("GetMonitoringCase").WithSummary("A case with its timeline (its household, its county's officers, operators); the read is audited.");
        api.MapPost("/{caseId}/steps", Act).WithName("ActOnMonitoringCase")
            .WithSummary("The case's next step: VillageReview, TownshipCheck, CountyConfirm (category), Dismiss (note = reason), AddMeasure (measure), EliminateRisk (monthsAboveLine), Close.");
        app.MapPost("/api/monitoring/warnings/{county}/run", RunWarnings).WithTags("Monitoring").RequireAuthorization().WithName("RunMonitoringWarnings")
            .WithSummary("Evaluate the county's warnings now (they also run daily): opens a platform-warning case once per household, warning and year (the county's officers, operators).");
        return api;
    }

    public static async Task<Results<Ok<WarningRun>, ForbidHttpResult>> RunWarnings([AsParameters] ApiServices s, string county)
    {
        if (!s.User.ActsForCounty(county)) return TypedResults.Forbid();
        return TypedResults.Ok(await s.Grains.GetGrain<IMonitoringWarningsGrain>(county).Run());
    }

    public static async Task<Results<Ok<Page<CaseRow>>, ForbidHttpResult>> List(
        [AsParameters] ApiServices s, MonitoringQueries cases, TimeProvider clock, string? county, string? stage, bool? overdue, string? after, int? limit)
    {
        county ??= s.User.OfficerCounties().FirstOrDefault();
        if (county is null || !s.User.ActsForCounty(county)) return TypedResults.Forbid();
        new Validator().Check(stage is null || Enum.TryParse<CaseStage>(stage, ignoreCase: false, out _), "stage", "is not a known case stage.").ThrowIfInvalid();
        var page = PageRequest.Of(null, limit, after);
        await s.Audit.Record(s.User, "monitoring-case.list", ListAuditResource, county, null, new { stage, overdue, after });
        var found = await cases.Cases(county, stage, overdue == true ? clock.Now() : null, page);
        return TypedResults.Ok(Paging.From(found, page));
    }

    public static async Task<Results<Created<CaseView>, ForbidHttpResult>> Open(
        [AsParameters] ApiServices s, MonitoringQueries cases, OpenCaseRequest request)
    {
        new Validator().Text("householdId", request.HouseholdId, 64)
            .Check(request.DiscoveryChannel is { } c && Enum.IsDefined(c) && c != DiscoveryChannel.PlatformWarning, "discoveryChannel",
                "must be SelfReport, CadreVisit or DepartmentData.")
            .ThrowIfInvalid();
        if (await HouseholdIncomeApi.Readable(s, request.HouseholdId!) is not { } household) return TypedResults.Forbid();
        var channel = request.DiscoveryChannel!.Value;
        var roles = CaseAccess.RolesOn(s.User, household.Profile.CountyCode, household.Id);
        if (roles is []) return TypedResults.Forbid();
        var role = roles.FirstOrDefault(r => MonitoringCase.MayOpen(r, channel), roles[0]);
        if (await cases.OpenCaseOf(household.Id) is { } open)
            throw new RuleViolationException("monitoring.case-open", $"Household '{household.Id}' already has an open case ('{open}').");
        var id = Ids.New("mc");
        using var audit = s.Audit.Declare(s.User, "monitoring-case.open", MonitoringCaseGrain.AuditResource, id);
        var opened = await s.Grains.GetGrain<IMonitoringCaseGrain>(id).Open(
            new OpenCase(household.Id, channel, request.Note), role, s.User.ActorName());
        return TypedResults.Created($"/api/monitoring/cases/{id}", opened);
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
        var roles = CaseAccess.RolesOn(s.User, found.CountyCode, found.Case.HouseholdId);
        // The household reports; it takes no step of its own case.
        if (roles is [] or [CaseRole.Household]) return TypedResults.Forbid();
        var role = roles.FirstOrDefault(r => MonitoringCase.Allows(action, r, found.Case.Stage), roles[0]);
        using var audit = s.Audit.Declare(s.User, "monitoring-case." + MonitoringCase.StepName(action), MonitoringCaseGrain.AuditResource, caseId);
        return TypedResults.Ok(await s.Grains.GetGrain<IMonitoringCaseGrain>(caseId).Act(
            new CaseCommand(action, request.Note, request.Category, request.Measure, request.MonthsAboveLine), role, s.User.ActorName()));
    }

    /// <summary>The case when the caller may read it; null (403) otherwise, and for a case that does not exist, except to operators (404).</summary>
    private static async Task<CaseView?> Readable(ApiServices s, string caseId)
    {
        var found = await s.Grains.GetGrain<IMonitoringCaseGrain>(caseId).Get();
        if (found is null)
            return s.User.IsPlatformAdmin() ? throw new NotFoundException(MonitoringCaseGrain.AuditResource, caseId) : null;
        return s.User.IsPlatformAdmin() || s.User.ActsForCounty(found.CountyCode) || s.User.IsHousehold(found.Case.HouseholdId) ? found : null;
    }
}

/// <summary>Opening a case: whose, found how (<c>SelfReport</c>, <c>CadreVisit</c>, <c>DepartmentData</c>), and a note.</summary>
public sealed record OpenCaseRequest(string? HouseholdId, DiscoveryChannel? DiscoveryChannel, string? Note);

/// <summary>A step of a case (see <see cref="CaseCommand"/>).</summary>
public sealed record CaseStepRequest(CaseAction? Action, string? Note, MonitoringCategory? Category, AssistanceMeasure? Measure, int? MonthsAboveLine);

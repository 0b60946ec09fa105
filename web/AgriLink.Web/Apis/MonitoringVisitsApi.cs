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
/// Visits (走访) by village cadres, first secretaries and township or county officers, each to the households of its area:
/// a visit that finds a risk is the discovery channel 干部走访排查 and opens the household's case (unless one is open). Each
/// visit is a row (<c>monitoring_visits</c>) written in its own grain's commit with its audit entry; a cadre's list pages
/// by id, newest first.
/// </summary>
public static class MonitoringVisitsApi
{
    public static RouteGroupBuilder MapMonitoringVisitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring").WithTags("Monitoring").RequireAuthorization();
        api.MapPost("/visits", Log).WithName("LogMonitoringVisit")
            .WithSummary("Log a visit to a household of the caller's area (householdId, visitedOn, note, foundRisk); one that found a risk opens a case by CadreVisit unless one is open.");
        api.MapGet("/visits", Mine).WithName("ListMyMonitoringVisits").WithSummary("The caller's own visits, newest first (keyset ?before=).");
        api.MapGet("/households", Visitable).WithName("ListVisitableHouseholds")
            .WithSummary("The households of a village cadre's villages by id (keyset ?after=): whom the cadre visits.");
        return api;
    }

    public static async Task<Results<Created<VisitView>, ForbidHttpResult>> Log(
        [AsParameters] ApiServices s, TimeProvider clock, LogVisitRequest request)
    {
        new Validator().Text("householdId", request.HouseholdId, 64).Check(request.VisitedOn is not null, "visitedOn", "is required.").ThrowIfInvalid();
        if (s.User.IsPlatformAdmin() || await HouseholdIncomeApi.Readable(s, request.HouseholdId!) is not { } household) return TypedResults.Forbid();
        var roles = CaseAccess.RolesOn(s.User, household.Profile.CountyCode, household.Profile.VillageCode, household.Id);
        if (!roles.Any(r => MonitoringCase.MayOpen(r, DiscoveryChannel.CadreVisit))) return TypedResults.Forbid();
        var visit = new CadreVisit(household.Id, request.VisitedOn!.Value, request.Note ?? "", request.FoundRisk);
        visit.Validate(clock.Today());
        var id = Ids.NewOrdered("mv", clock.Now());
        using var audit = s.Audit.Declare(s.User, "monitoring-visit.log", MonitoringVisitGrain.AuditResource, id);
        var logged = await s.Grains.GetGrain<IMonitoringVisitGrain>(id).Log(visit,
            roles.First(r => MonitoringCase.MayOpen(r, DiscoveryChannel.CadreVisit)), s.User.ActorName());
        return TypedResults.Created($"/api/monitoring/visits/{id}", logged);
    }

    public static async Task<Results<Ok<Page<VisitRow>>, ForbidHttpResult>> Mine(
        [AsParameters] ApiServices s, MonitoringQueries cases, string? before, int? limit)
    {
        if (s.User.MonitoringAreas().Count == 0) return TypedResults.Forbid();
        var size = Paging.Limit(limit, 20);
        var found = await cases.VisitsBy(s.User.ActorName(), before, size);
        return TypedResults.Ok(new Page<VisitRow>(found.Items, found.Total, 0, size, found.Next));
    }

    public static async Task<Results<Ok<IReadOnlyList<VillageHousehold>>, ForbidHttpResult>> Visitable(
        [AsParameters] ApiServices s, MonitoringQueries cases, string? after, int? limit)
    {
        var villages = s.User.AreasOf(Roles.VillageCadre, AreaCode.Village);
        if (villages.Count == 0) return TypedResults.Forbid();
        return TypedResults.Ok(await cases.HouseholdsIn(villages, after, Paging.Limit(limit, 100)));
    }
}

/// <summary>A visit: whom (a household of the caller's area), the day, the notes, and whether it found a risk.</summary>
public sealed record LogVisitRequest(string? HouseholdId, DateOnly? VisitedOn, string? Note, bool FoundRisk);

using AgriLink.Domain.Codes;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Identifiers;
using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Common;
using AgriLink.Grains.Monitoring;
using AgriLink.Grains.Projections;
using AgriLink.Web.Auth;
using AgriLink.Web.Photos;
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
        api.MapGet("/visits/{id}", Get).WithName("GetMonitoringVisit")
            .WithSummary("One visit: its cadre, and the cadres and officers whose area holds the household; operators.");
        api.MapPost("/visits/{id}/photo", AttachPhoto).WithName("AttachMonitoringVisitPhoto").DisableAntiforgery()
            .WithSummary("The visit's photo (JPEG, PNG or WebP, at most 10 MB; the field 'file'), by the cadre who logged it; replaces the one before.");
        api.MapGet("/visits/{id}/photo/{file}", Photo).WithName("MonitoringVisitPhotoFile")
            .WithSummary("The visit's photo file ({width}.webp, {width}.jpg or {width}), to whom may read the visit; never cached by shared caches.");
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

    public static async Task<Results<Ok<VisitView>, ForbidHttpResult>> Get([AsParameters] ApiServices s, string id) =>
        await Readable(s, id) is { } visit ? TypedResults.Ok(visit) : TypedResults.Forbid();

    public static async Task<Results<Ok<VisitView>, ForbidHttpResult>> AttachPhoto(
        [AsParameters] ApiServices s, PhotoLibrary photos, HttpRequest request, string id, CancellationToken ct)
    {
        // The visit's own record: only the cadre who logged it, while its area still holds the household.
        if (await Readable(s, id) is not { } visit || visit.Cadre != s.User.ActorName() || s.User.IsPlatformAdmin()) return TypedResults.Forbid();
        var processed = (await photos.Processor.ProcessAsync(await PhotosApi.ReadUpload(request, photos.Processor, ct), $"visit:{id}", ct))
            .Under(PhotoFormats.Visits);
        if (visit.Photo?.Id == processed.Photo.Id) return TypedResults.Ok(visit);
        var grain = s.Grains.GetGrain<IMonitoringVisitGrain>(id);
        using var audit = s.Audit.Declare(s.User, "monitoring-visit.photo", MonitoringVisitGrain.AuditResource, id);
        var changed = await photos.StoreThenCommitAsync(processed, () => grain.AttachPhoto(processed.Photo),
            async () => (await grain.Get())?.Photo?.Id == processed.Photo.Id, ct, PhotoFormats.Visits);
        if (visit.Photo is { } before) await photos.DeleteAsync(before, PhotoFormats.Visits);
        return TypedResults.Ok(changed);
    }

    public static async Task<IResult> Photo([AsParameters] ApiServices s, IObjectStore store, HttpContext http, string id, string file, CancellationToken ct)
    {
        if (await Readable(s, id) is not { } visit) return TypedResults.Forbid();
        if (visit.Photo is null) throw new NotFoundException("photo", id);
        return await PhotosApi.ServeFile(store, http, visit.Photo.Id, file, PhotoFormats.Visits, "private, max-age=3600", ct);
    }

    /// <summary>
    /// The visit when the caller may read it: the cadres and officers whose area holds the household (its cadre among them), operators
    /// (null: 403, also for a visit that does not exist, so ids reveal nothing).
    /// </summary>
    internal static async Task<VisitView?> Readable(ApiServices s, string id)
    {
        if (!s.User.IsPlatformAdmin() && s.User.MonitoringAreas().Count == 0) return null;
        if (await s.Grains.GetGrain<IMonitoringVisitGrain>(id).Get() is not { } visit) return null;
        return s.User.IsPlatformAdmin() || s.User.WorksOnHousehold(visit.CountyCode, visit.VillageCode) ? visit : null;
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

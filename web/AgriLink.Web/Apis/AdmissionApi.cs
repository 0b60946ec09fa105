using AgriLink.Domain.Cooperatives;
using AgriLink.Grains.Cooperatives;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>
/// Platform admission of cooperatives (as the 832 platform admits suppliers): the cooperative's admin applies,
/// a county officer of the cooperative's county recommends, a platform administrator approves, rejects,
/// suspends (price or quality complaints) and reinstates. Only approved cooperatives publish and sell.
/// </summary>
public static class AdmissionApi
{
    public static RouteGroupBuilder MapAdmissionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cooperatives/{cooperativeId}/admission").WithTags("Admission").RequireAuthorization();
        api.MapGet("/", Get).WithName("GetAdmission")
            .WithSummary("The cooperative's admission status and history (its admins, its county's officers, platform admins).");
        api.MapPost("/apply", Apply).WithName("ApplyForAdmission").WithSummary("Apply for admission (the cooperative's admins).");
        api.MapPost("/recommend", Recommend).WithName("RecommendAdmission")
            .WithSummary("Recommend an application (a county officer of the cooperative's county).");
        api.MapPost("/decline", Decline).WithName("DeclineAdmission")
            .WithSummary("Decline to recommend an application, with a reason (a county officer of the cooperative's county); the cooperative may apply again.");
        api.MapPost("/approve", Approve).WithName("ApproveAdmission").WithSummary("Approve a recommended application (platform admins).");
        api.MapPost("/reject", Reject).WithName("RejectAdmission").WithSummary("Reject an application, with a reason (platform admins).");
        api.MapPost("/suspend", Suspend).WithName("SuspendAdmission")
            .WithSummary("Suspend an admitted cooperative on a price or quality complaint (platform admins); its listings leave the market.");
        api.MapPost("/reinstate", Reinstate).WithName("ReinstateAdmission").WithSummary("Lift a suspension (platform admins).");
        return api;
    }

    public static async Task<Results<Ok<CooperativeAdmission>, ForbidHttpResult>> Get([AsParameters] ApiServices s, string cooperativeId)
    {
        if (!s.User.AdministersCooperative(cooperativeId) && !s.User.IsInRole(Roles.CountyOfficer)) return TypedResults.Forbid();
        var admission = await Grain(s, cooperativeId).Get();
        return s.User.AdministersCooperative(cooperativeId) || s.User.ActsForCounty(admission.CountyCode)
            ? TypedResults.Ok(admission)
            : TypedResults.Forbid();
    }

    public static Task<Results<Ok<CooperativeAdmission>, ForbidHttpResult>> Apply(
        [AsParameters] ApiServices s, string cooperativeId, AdmissionNoteRequest? request) =>
        !s.User.AdministersCooperative(cooperativeId)
            ? Forbidden()
            : Step(s, cooperativeId, "admission.apply", g => g.Apply(s.User.ActorName(), request?.Note));

    public static Task<Results<Ok<CooperativeAdmission>, ForbidHttpResult>> Recommend(
        [AsParameters] ApiServices s, string cooperativeId, AdmissionNoteRequest? request) =>
        CountyStep(s, cooperativeId, "admission.recommend", g => g.Recommend(s.User.ActorName(), request?.Note));

    public static Task<Results<Ok<CooperativeAdmission>, ForbidHttpResult>> Decline(
        [AsParameters] ApiServices s, string cooperativeId, AdmissionRejectRequest request)
    {
        // Checked here too: a missing reason must not reach the grain as null.
        AdmissionLifecycle.ValidateNote(AdmissionAction.Decline, request.Reason, null);
        return CountyStep(s, cooperativeId, "admission.decline", g => g.Decline(s.User.ActorName(), request.Reason!));
    }

    /// <summary>A county's step: a county officer (or operator) acting for the cooperative's own county, per object.</summary>
    private static async Task<Results<Ok<CooperativeAdmission>, ForbidHttpResult>> CountyStep(
        ApiServices s, string cooperativeId, string action, Func<ICooperativeAdmissionGrain, Task<CooperativeAdmission>> step)
    {
        if (!s.User.IsPlatformAdmin() && !s.User.IsInRole(Roles.CountyOfficer)) return TypedResults.Forbid();
        if (!s.User.ActsForCounty((await Grain(s, cooperativeId).Get()).CountyCode)) return TypedResults.Forbid();
        return await Step(s, cooperativeId, action, step);
    }

    public static Task<Results<Ok<CooperativeAdmission>, ForbidHttpResult>> Approve(
        [AsParameters] ApiServices s, string cooperativeId, AdmissionNoteRequest? request) =>
        PlatformStep(s, cooperativeId, "admission.approve", g => g.Approve(s.User.ActorName(), request?.Note));

    public static Task<Results<Ok<CooperativeAdmission>, ForbidHttpResult>> Reject(
        [AsParameters] ApiServices s, string cooperativeId, AdmissionRejectRequest request) =>
        PlatformStep(s, cooperativeId, "admission.reject", g => g.Reject(s.User.ActorName(), request.Reason!));

    public static Task<Results<Ok<CooperativeAdmission>, ForbidHttpResult>> Suspend(
        [AsParameters] ApiServices s, string cooperativeId, AdmissionSuspendRequest request)
    {
        // Checked here too: a missing reason must not reach the grain as a default value.
        AdmissionLifecycle.ValidateNote(AdmissionAction.Suspend, request.Text, request.Reason);
        return PlatformStep(s, cooperativeId, "admission.suspend", g => g.Suspend(s.User.ActorName(), request.Reason!.Value, request.Text!));
    }

    public static Task<Results<Ok<CooperativeAdmission>, ForbidHttpResult>> Reinstate(
        [AsParameters] ApiServices s, string cooperativeId, AdmissionNoteRequest? request) =>
        PlatformStep(s, cooperativeId, "admission.reinstate", g => g.Reinstate(s.User.ActorName(), request?.Note));

    private static ICooperativeAdmissionGrain Grain(ApiServices s, string cooperativeId) =>
        s.Grains.GetGrain<ICooperativeAdmissionGrain>(cooperativeId);

    private static Task<Results<Ok<CooperativeAdmission>, ForbidHttpResult>> Forbidden() =>
        Task.FromResult<Results<Ok<CooperativeAdmission>, ForbidHttpResult>>(TypedResults.Forbid());

    private static Task<Results<Ok<CooperativeAdmission>, ForbidHttpResult>> PlatformStep(
        ApiServices s, string cooperativeId, string action, Func<ICooperativeAdmissionGrain, Task<CooperativeAdmission>> step) =>
        s.User.IsPlatformAdmin() ? Step(s, cooperativeId, action, step) : Forbidden();

    private static async Task<Results<Ok<CooperativeAdmission>, ForbidHttpResult>> Step(
        ApiServices s, string cooperativeId, string action, Func<ICooperativeAdmissionGrain, Task<CooperativeAdmission>> step)
    {
        using var audit = s.Audit.Declare(s.User, action, "cooperative", cooperativeId);
        return TypedResults.Ok(await step(Grain(s, cooperativeId)));
    }
}

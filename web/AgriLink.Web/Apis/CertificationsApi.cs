using AgriLink.Domain.Listings;
using AgriLink.Grains.Listings;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Apis;

/// <summary>扶贫产品认定: only platform administrators grant it to a listing or revoke it (with a reason).</summary>
public static class CertificationsApi
{
    public static RouteGroupBuilder MapCertificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/listings/{id}/certifications").WithTags("Listings").RequireAuthorization();
        api.MapPost("/poverty", Grant).WithName("GrantPovertyCertification")
            .WithSummary("Grant 扶贫产品认定 with its approval number and date (platform admins).");
        api.MapDelete("/poverty", Revoke).WithName("RevokePovertyCertification")
            .WithSummary("Revoke 扶贫产品认定, saying why (platform admins).");
        return api;
    }

    public static async Task<Results<Ok<ListingDetails>, ForbidHttpResult>> Grant(
        [AsParameters] ApiServices s, string id, PovertyCertification certification)
    {
        if (!s.User.IsPlatformAdmin()) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, "listing.certify-poverty", "listing", id);
        return TypedResults.Ok(await s.Grains.GetGrain<IListingGrain>(id).GrantPovertyCertification(certification, s.User.ActorName()));
    }

    public static async Task<Results<Ok<ListingDetails>, ForbidHttpResult>> Revoke(
        [AsParameters] ApiServices s, string id, [FromBody] RevokeCertificationRequest request)
    {
        if (!s.User.IsPlatformAdmin()) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, "listing.revoke-poverty", "listing", id);
        return TypedResults.Ok(await s.Grains.GetGrain<IListingGrain>(id).RevokePovertyCertification(request.Reason ?? "", s.User.ActorName()));
    }
}

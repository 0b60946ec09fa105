using AgriLink.Domain.VillageCollectives;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Projections;
using AgriLink.Grains.VillageCollectives;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

public static class VillageCollectivesApi
{
    public static RouteGroupBuilder MapVillageCollectivesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/village-collectives").WithTags("Village collectives");
        api.MapGet("/", List).WithName("ListVillageCollectives").WithSummary("Village collective economic organisations (public).");
        api.MapGet("/{id}", Get).WithName("GetVillageCollective").WithSummary("A village collective (public).");
        api.MapPost("/", Register).WithName("RegisterVillageCollective")
            .WithSummary("Register a village collective (platform operators).").RequireAuthorization(Roles.PlatformAdmin);
        api.MapPut("/{id}/profile", UpdateProfile).WithName("UpdateVillageCollectiveProfile")
            .WithSummary("Edit a village collective (platform operators).").RequireAuthorization(Roles.PlatformAdmin);
        return api;
    }

    public static async Task<Ok<Page<DirectoryEntry>>> List(
        [AsParameters] ApiServices s, string? county, int? offset, int? limit, string? after = null)
    {
        var page = PageRequest.Of(offset, limit, after);
        return TypedResults.Ok(Paging.From(await s.Lists.VillageCollectives(county, page), page));
    }

    public static async Task<Ok<VillageCollectiveDetails>> Get([AsParameters] ApiServices s, string id) =>
        TypedResults.Ok(await s.Grains.GetGrain<IVillageCollectiveGrain>(id).Get());

    public static async Task<Created<VillageCollectiveDetails>> Register([AsParameters] ApiServices s, VillageCollectiveProfile profile)
    {
        var id = Domain.Identifiers.Ids.New("vc");
        using var audit = s.Audit.Declare(s.User, "village-collective.register", "village-collective", id);
        var created = await s.Grains.GetGrain<IVillageCollectiveGrain>(id).Register(profile);
        return TypedResults.Created($"/api/village-collectives/{id}", created);
    }

    public static async Task<Ok<VillageCollectiveDetails>> UpdateProfile(
        [AsParameters] ApiServices s, string id, VillageCollectiveProfile profile)
    {
        var grain = s.Grains.GetGrain<IVillageCollectiveGrain>(id);
        await grain.Get(); // an unknown one is a 404
        using var audit = s.Audit.Declare(s.User, "village-collective.update-profile", "village-collective", id);
        var after = await grain.UpdateProfile(profile);
        return TypedResults.Ok(after);
    }
}

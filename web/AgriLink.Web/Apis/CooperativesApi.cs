using AgriLink.Domain.Cooperatives;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Projections;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

public static class CooperativesApi
{
    public static RouteGroupBuilder MapCooperativesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cooperatives").WithTags("Cooperatives");
        api.MapGet("/", List).WithName("ListCooperatives").WithSummary("Cooperatives on the platform (public profiles).");
        api.MapGet("/{id}", Get).WithName("GetCooperative")
            .WithSummary("A cooperative: the full record with members for its admins, the public profile for everyone else.");
        api.MapPost("/", Register).WithName("RegisterCooperative").WithSummary("Register a cooperative (platform operators).")
            .RequireAuthorization(Roles.PlatformAdmin);
        api.MapPut("/{id}/profile", UpdateProfile).WithName("UpdateCooperativeProfile").WithSummary("Edit the cooperative's profile.")
            .RequireAuthorization();
        api.MapPost("/{id}/members", AddMember).WithName("AddCooperativeMember").WithSummary("Admit a member.")
            .RequireAuthorization();
        api.MapDelete("/{id}/members/{memberId}", RemoveMember).WithName("RemoveCooperativeMember").WithSummary("Remove a member.")
            .RequireAuthorization();
        return api;
    }

    public static async Task<Ok<Page<DirectoryEntry>>> List(
        [AsParameters] ApiServices s, string? county, int? offset, int? limit, string? after = null)
    {
        var page = PageRequest.Of(offset, limit, after);
        return TypedResults.Ok(Paging.From(await s.Lists.Cooperatives(county, page), page));
    }

    public static async Task<Results<Ok<CooperativeDetails>, Ok<CooperativePublicProfile>>> Get([AsParameters] ApiServices s, string id)
    {
        var coop = await s.Grains.GetGrain<ICooperativeGrain>(id).Get();
        if (s.User.AdministersCooperative(id)) return TypedResults.Ok(coop);
        return TypedResults.Ok(CooperativePublicProfile.From(coop));
    }

    public static async Task<Created<CooperativeDetails>> Register([AsParameters] ApiServices s, CooperativeProfile profile)
    {
        var id = Domain.Identifiers.Ids.New("coop");
        using var audit = s.Audit.Declare(s.User, "cooperative.register", "cooperative", id);
        var created = await s.Grains.GetGrain<ICooperativeGrain>(id).Register(profile);
        return TypedResults.Created($"/api/cooperatives/{id}", created);
    }

    public static async Task<Results<Ok<CooperativeDetails>, ForbidHttpResult>> UpdateProfile(
        [AsParameters] ApiServices s, string id, CooperativeProfile profile) =>
        await Change(s, id, "cooperative.update-profile", g => g.UpdateProfile(profile));

    public static async Task<Results<Ok<CooperativeDetails>, ForbidHttpResult>> AddMember(
        [AsParameters] ApiServices s, string id, CooperativeMember member) =>
        await Change(s, id, "cooperative.add-member", g => g.AddMember(member));

    public static async Task<Results<Ok<CooperativeDetails>, ForbidHttpResult>> RemoveMember(
        [AsParameters] ApiServices s, string id, string memberId) =>
        await Change(s, id, "cooperative.remove-member", g => g.RemoveMember(memberId));

    private static async Task<Results<Ok<CooperativeDetails>, ForbidHttpResult>> Change(
        ApiServices s, string id, string action, Func<ICooperativeGrain, Task<CooperativeDetails>> command)
    {
        var grain = s.Grains.GetGrain<ICooperativeGrain>(id);
        await grain.Get(); // an unknown cooperative is a 404, before access is looked at
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, action, "cooperative", id);
        return TypedResults.Ok(await command(grain));
    }
}

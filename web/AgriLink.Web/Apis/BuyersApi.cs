using AgriLink.Domain.Buyers;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Projections;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>Buyers' records are their own: a buyer reads and edits itself, operators see all.</summary>
public static class BuyersApi
{
    public static RouteGroupBuilder MapBuyersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/buyers").WithTags("Buyers").RequireAuthorization();
        api.MapGet("/", List).WithName("ListBuyers").WithSummary("All buyers (platform operators).")
            .RequireAuthorization(Roles.PlatformAdmin);
        api.MapGet("/{id}", Get).WithName("GetBuyer").WithSummary("A buyer (itself or operators).");
        api.MapPost("/", Register).WithName("RegisterBuyer").WithSummary("Register a buyer (platform operators).")
            .RequireAuthorization(Roles.PlatformAdmin);
        api.MapPut("/{id}/profile", UpdateProfile).WithName("UpdateBuyerProfile").WithSummary("Edit a buyer's profile (itself or operators).");
        return api;
    }

    public static async Task<Ok<Page<DirectoryEntry>>> List(
        [AsParameters] ApiServices s, BuyerType? type, int? offset, int? limit, string? after = null)
    {
        var page = PageRequest.Of(offset, limit, after);
        return TypedResults.Ok(Paging.From(await s.Lists.Buyers(type?.ToString(), page), page));
    }

    public static async Task<Results<Ok<BuyerDetails>, ForbidHttpResult>> Get([AsParameters] ApiServices s, string id)
    {
        // Access first, so a caller cannot probe which ids exist.
        if (!s.User.IsBuyer(id)) return TypedResults.Forbid();
        return TypedResults.Ok(await s.Grains.GetGrain<IBuyerGrain>(id).Get());
    }

    public static async Task<Created<BuyerDetails>> Register([AsParameters] ApiServices s, BuyerProfile profile)
    {
        var id = Domain.Identifiers.Ids.New("buyer");
        using var audit = s.Audit.Declare(s.User, "buyer.register", "buyer", id);
        var created = await s.Grains.GetGrain<IBuyerGrain>(id).Register(profile);
        return TypedResults.Created($"/api/buyers/{id}", created);
    }

    public static async Task<Results<Ok<BuyerDetails>, ForbidHttpResult>> UpdateProfile(
        [AsParameters] ApiServices s, string id, BuyerProfile profile)
    {
        if (!s.User.IsBuyer(id)) return TypedResults.Forbid();
        var grain = s.Grains.GetGrain<IBuyerGrain>(id);
        await grain.Get(); // an unknown one is a 404
        using var audit = s.Audit.Declare(s.User, "buyer.update-profile", "buyer", id);
        var after = await grain.UpdateProfile(profile);
        return TypedResults.Ok(after);
    }
}

using AgriLink.Domain.Enterprises;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Enterprises;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

public static class EnterprisesApi
{
    public static RouteGroupBuilder MapEnterprisesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprises").WithTags("Enterprises");
        api.MapGet("/", List).WithName("ListEnterprises").WithSummary("Leading enterprises (public).");
        api.MapGet("/{id}", Get).WithName("GetEnterprise").WithSummary("A leading enterprise (public).");
        api.MapPost("/", Register).WithName("RegisterEnterprise").WithSummary("Register a leading enterprise (platform operators).")
            .RequireAuthorization(Roles.PlatformAdmin);
        api.MapGet("/{id}/holdings", Holdings).WithName("GetEnterpriseHoldings")
            .WithSummary("The enterprise's investments: its shares in cooperatives' registers (its admins, operators).").RequireAuthorization();
        api.MapGet("/{id}/dividends", Dividends).WithName("GetEnterpriseDividends")
            .WithSummary("The dividends on the enterprise's investments, each component explained (lang=zh or en; its admins, operators).").RequireAuthorization();
        api.MapPut("/{id}/profile", UpdateProfile).WithName("UpdateEnterpriseProfile")
            .WithSummary("Edit the enterprise's profile (its admins).").RequireAuthorization();
        return api;
    }

    public static async Task<Ok<Page<DirectoryEntry>>> List(
        [AsParameters] ApiServices s, string? county, int? offset, int? limit, string? after = null)
    {
        var page = PageRequest.Of(offset, limit, after);
        return TypedResults.Ok(Paging.From(await s.Lists.Enterprises(county, page), page));
    }

    public static async Task<Ok<EnterpriseDetails>> Get([AsParameters] ApiServices s, string id) =>
        TypedResults.Ok(await s.Grains.GetGrain<IEnterpriseGrain>(id).Get());

    public static async Task<Results<Ok<IReadOnlyList<ShareholderHoldings>>, ForbidHttpResult>> Holdings([AsParameters] ApiServices s, string id)
    {
        if (!await CanRead(s, id)) return TypedResults.Forbid();
        return TypedResults.Ok(await HouseholdDividendsApi.HoldingsOf(s, id, self: true));
    }

    public static async Task<Results<Ok<IReadOnlyList<ShareholderDividend>>, ForbidHttpResult>> Dividends([AsParameters] ApiServices s, string id, string? lang)
    {
        if (!await CanRead(s, id)) return TypedResults.Forbid();
        return TypedResults.Ok(await HouseholdDividendsApi.DividendsOf(s, id, self: true, HouseholdDividendsApi.Culture(lang)));
    }

    /// <summary>An enterprise's investments are its own business and the platform's: its admins and operators (an unknown id is a 404).</summary>
    private static async Task<bool> CanRead(ApiServices s, string id)
    {
        await s.Grains.GetGrain<IEnterpriseGrain>(id).Get();
        return s.User.IsPlatformAdmin() || s.User.AdministersEnterprise(id);
    }

    public static async Task<Created<EnterpriseDetails>> Register([AsParameters] ApiServices s, EnterpriseProfile profile)
    {
        var id = Domain.Identifiers.Ids.New("ent");
        using var audit = s.Audit.Declare(s.User, "enterprise.register", "enterprise", id);
        var created = await s.Grains.GetGrain<IEnterpriseGrain>(id).Register(profile);
        return TypedResults.Created($"/api/enterprises/{id}", created);
    }

    public static async Task<Results<Ok<EnterpriseDetails>, ForbidHttpResult>> UpdateProfile(
        [AsParameters] ApiServices s, string id, EnterpriseProfile profile)
    {
        var grain = s.Grains.GetGrain<IEnterpriseGrain>(id);
        await grain.Get(); // an unknown one is a 404
        if (!s.User.AdministersEnterprise(id)) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, "enterprise.update-profile", "enterprise", id);
        var after = await grain.UpdateProfile(profile);
        return TypedResults.Ok(after);
    }
}

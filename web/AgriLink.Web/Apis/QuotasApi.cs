using AgriLink.Domain.Errors;
using AgriLink.Grains.Common;
using AgriLink.Grains.Quotas;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>
/// A budget unit's purchasing quota (预留份额). Only the unit's own accounts and platform operators see or declare it:
/// the budget is the unit's business, and its union and employees only contribute purchases (which they see as orders).
/// Years are China calendar years.
/// </summary>
public static class QuotasApi
{
    public static RouteGroupBuilder MapQuotasApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/buyers/{buyerId}/quota").WithTags("Quotas").RequireAuthorization();
        api.MapGet("/", Current).WithName("GetCurrentQuota").WithSummary("This year's quota progress: totals by channel, and each month's certified purchases with the running total (the unit itself or operators).");
        api.MapGet("/{year:int}", Get).WithName("GetQuota").WithSummary("A year's quota progress: totals by channel, and each month's certified purchases with the running total (the unit itself or operators).");
        api.MapPut("/{year:int}", Declare).WithName("DeclareQuota")
            .WithSummary("Declare (or revise) the year's canteen food budget, reserve rate and canteen operation (the unit itself or operators).");
        return api;
    }

    public static Task<Results<Ok<QuotaProgress>, ForbidHttpResult>> Current([AsParameters] ApiServices s, string buyerId, TimeProvider clock) =>
        Get(s, buyerId, clock.Today().Year);

    public static async Task<Results<Ok<QuotaProgress>, ForbidHttpResult>> Get([AsParameters] ApiServices s, string buyerId, int year)
    {
        if (!s.User.IsBuyer(buyerId)) return TypedResults.Forbid();
        return TypedResults.Ok(await Grain(s, buyerId, year).Progress());
    }

    public static async Task<Results<Ok<QuotaProgress>, ForbidHttpResult>> Declare(
        [AsParameters] ApiServices s, string buyerId, int year, QuotaDeclaration declaration)
    {
        if (!s.User.IsBuyer(buyerId)) return TypedResults.Forbid();
        var grain = Grain(s, buyerId, year);
        using var audit = s.Audit.Declare(s.User, "quota.declare", "buyer-quota", new BuyerYear(buyerId, year).ToString());
        return TypedResults.Ok(await grain.Declare(declaration));
    }

    private static IBuyerQuotaGrain Grain(ApiServices s, string buyerId, int year)
    {
        new Validator().Range("year", year, BuyerQuotaGrain.FirstYear, 9998).ThrowIfInvalid();
        return s.Grains.GetGrain<IBuyerQuotaGrain>(new BuyerYear(buyerId, year).ToString());
    }
}

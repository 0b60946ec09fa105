using AgriLink.Domain.Errors;
using AgriLink.Domain.Matching;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Common;
using AgriLink.Grains.Matching;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Projections;
using AgriLink.Search;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Apis;

/// <summary>
/// Buyers' demands (采购需求) and matching: post and list a buyer's demands, read and close one, rank the market's
/// listings for it with every score explained, propose a split across cooperatives and order the whole split at once,
/// and read the stored notifications of listings that matched later. Only the buyer itself and operators reach them.
/// </summary>
public static class DemandsApi
{
    public static RouteGroupBuilder MapDemandsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/buyers/{buyerId}/demands", Post).WithTags("Demands").WithName("PostDemand")
            .WithSummary("Post a demand (the buyer or operators).").RequireAuthorization();
        app.MapGet("/api/buyers/{buyerId}/demands", ForBuyer).WithTags("Demands").WithName("ListBuyerDemands")
            .WithSummary("The buyer's demands, newest first (the buyer or operators).").RequireAuthorization();

        var api = app.MapGroup("/api/demands").WithTags("Demands").RequireAuthorization();
        api.MapGet("/{id}", Get).WithName("GetDemand").WithSummary("A demand (its buyer or operators).");
        api.MapPost("/{id}/close", Close).WithName("CloseDemand").WithSummary("Close the demand: no more matches are notified.");
        api.MapGet("/{id}/matches", Matches).WithName("GetDemandMatches")
            .WithSummary("Listings ranked for the demand, each score explained (a stable code, the zh-CN words and the arguments they are worded from); ?explainExcluded=true also lists the excluded ones and why.");
        api.MapGet("/{id}/split", Split).WithName("GetDemandSplit")
            .WithSummary("A proposal to fill the demand from the fewest cooperatives, within their stock and minimum orders.");
        api.MapPost("/{id}/split/order", OrderSplit).WithName("OrderDemandSplit")
            .WithSummary("Place one order for the whole split (send an Idempotency-Key header to make retries safe).");
        api.MapGet("/{id}/notifications", Notifications).WithName("GetDemandNotifications")
            .WithSummary("Listings published or restocked since that match the demand, newest first.");
        return api;
    }

    public static async Task<Results<Created<DemandDetails>, ForbidHttpResult>> Post([AsParameters] ApiServices s, string buyerId, DemandSpec demand)
    {
        if (!s.User.IsBuyer(buyerId)) return TypedResults.Forbid();
        var id = DemandIds.New();
        using var audit = s.Audit.Declare(s.User, "demand.post", "demand", id);
        var posted = await s.Grains.GetGrain<IDemandGrain>(id).Post(buyerId, demand);
        return TypedResults.Created($"/api/demands/{id}", posted);
    }

    public static async Task<Results<Ok<Page<DemandSummary>>, ForbidHttpResult>> ForBuyer(
        [AsParameters] ApiServices s, [FromServices] DemandQueries demands, string buyerId, int? offset, int? limit, string? after = null)
    {
        if (!s.User.IsBuyer(buyerId)) return TypedResults.Forbid();
        var page = PageRequest.Of(offset, limit, after);
        return TypedResults.Ok(Paging.From(await demands.OfBuyer(buyerId, page), page));
    }

    public static async Task<Results<Ok<DemandDetails>, ForbidHttpResult, NotFound>> Get([AsParameters] ApiServices s, string id)
    {
        var (demand, forbidden) = await Own(s, id);
        if (forbidden) return TypedResults.Forbid();
        if (demand is null) return TypedResults.NotFound();
        return TypedResults.Ok(demand);
    }

    public static async Task<Results<Ok<DemandDetails>, ForbidHttpResult, NotFound>> Close([AsParameters] ApiServices s, string id, CloseDemandRequest? request)
    {
        new Validator().Text("reason", request?.Reason, 500, required: false).ThrowIfInvalid();
        var (demand, forbidden) = await Own(s, id);
        if (forbidden) return TypedResults.Forbid();
        if (demand is null) return TypedResults.NotFound();
        using var audit = s.Audit.Declare(s.User, "demand.close", "demand", id);
        return TypedResults.Ok(await s.Grains.GetGrain<IDemandGrain>(id).Close(request?.Reason));
    }

    public static async Task<Results<Ok<DemandMatches>, ForbidHttpResult, NotFound>> Matches(
        [AsParameters] ApiServices s, IListingSearch search, MonitoringQueries monitoring, TimeProvider clock, string id, bool? explainExcluded, CancellationToken ct)
    {
        var (demand, forbidden) = await Own(s, id);
        if (forbidden) return TypedResults.Forbid();
        if (demand is null) return TypedResults.NotFound();
        return TypedResults.Ok(await DemandMatching.Rank(s.Grains, search, monitoring, clock, demand, explainExcluded == true, ct));
    }

    public static async Task<Results<Ok<SplitProposal>, ForbidHttpResult, NotFound>> Split(
        [AsParameters] ApiServices s, IListingSearch search, MonitoringQueries monitoring, TimeProvider clock, string id, CancellationToken ct)
    {
        var (demand, forbidden) = await Own(s, id);
        if (forbidden) return TypedResults.Forbid();
        if (demand is null) return TypedResults.NotFound();
        return TypedResults.Ok(DemandMatching.Split(demand, await DemandMatching.Rank(s.Grains, search, monitoring, clock, demand, false, ct)));
    }

    /// <summary>
    /// Places the split through the ordinary order flow (its checks, reservations and audit). With an Idempotency-Key a
    /// retry answers the order already placed instead of splitting again against stock that order has since taken.
    /// </summary>
    public static async Task<Results<Created<OrderDetails>, Ok<OrderDetails>, ForbidHttpResult, NotFound, ProblemHttpResult>> OrderSplit(
        [AsParameters] ApiServices s, IListingSearch search, MonitoringQueries monitoring, TimeProvider clock, IConfiguration configuration, string id, SplitOrderRequest request,
        [FromHeader(Name = OrdersApi.IdempotencyHeader)] string? idempotencyKey, CancellationToken ct)
    {
        var (demand, forbidden) = await Own(s, id);
        if (forbidden) return TypedResults.Forbid();
        if (demand is null) return TypedResults.NotFound();
        if (idempotencyKey is not null && OrderIds.IsValidKey(idempotencyKey))
        {
            var placed = s.Grains.GetGrain<IOrderGrain>(OrderIds.FromIdempotencyKey(demand.BuyerId, idempotencyKey));
            if (await placed.Exists()) return TypedResults.Ok(OrdersApi.View(s, await placed.Get())!);
        }
        if (demand.Status != DemandStatus.Open)
            throw new RuleViolationException("demand.closed", "The demand is closed; post a new one to order.");
        var split = DemandMatching.Split(demand, await DemandMatching.Rank(s.Grains, search, monitoring, clock, demand, false, ct));
        if (!split.Covers)
            throw new RuleViolationException("demand.split-uncovered", split.Explanation, unprocessable: true);
        var order = new PlaceOrder(demand.BuyerId, request.PaymentMethod, split.Lines.Select(l => new OrderLineRequest(l.ListingId, l.Quantity)).ToList(),
            demand.Spec.DeliveryRegionCode, request.DeliveryAddress, request.Note ?? $"采购需求 {demand.Id}：{demand.Spec.Title}");
        return await OrdersApi.Place(s, configuration, clock, order, idempotencyKey) switch
        {
            { Result: Created<OrderDetails> created } => created,
            { Result: Ok<OrderDetails> ok } => ok,
            { Result: ProblemHttpResult problem } => problem,
            _ => TypedResults.Forbid(),   // not the buyer itself nor an operator (checked again by the order flow)
        };
    }

    public static async Task<Results<Ok<IReadOnlyList<DemandNotification>>, ForbidHttpResult, NotFound>> Notifications([AsParameters] ApiServices s, string id)
    {
        var (demand, forbidden) = await Own(s, id);
        if (forbidden) return TypedResults.Forbid();
        if (demand is null) return TypedResults.NotFound();
        return TypedResults.Ok(await s.Grains.GetGrain<IDemandGrain>(id).Notifications());
    }

    /// <summary>The demand when the caller is its buyer (or an operator); otherwise why not (404 unknown, 403 someone else's).</summary>
    private static async Task<(DemandDetails? Demand, bool Forbidden)> Own(ApiServices s, string id)
    {
        if (!DemandIds.IsValid(id)) return (null, false);
        var grain = s.Grains.GetGrain<IDemandGrain>(id);
        if (!await grain.Exists()) return (null, false);
        var demand = await grain.Get();
        return s.User.IsBuyer(demand.BuyerId) ? (demand, false) : (null, true);
    }
}

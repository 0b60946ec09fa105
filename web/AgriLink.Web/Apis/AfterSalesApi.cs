using AgriLink.Domain.AfterSales;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Orders;
using AgriLink.Grains.AfterSales;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Projections;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>
/// After-sales (售后) of delivered sub-orders: within 7 days of delivery the order's buyer asks for a refund of all or part
/// of a cooperative's part; the cooperative accepts, proposes an amount or refuses; the buyer accepts a proposal or
/// escalates; an operator decides. An agreed amount is refunded by card (Stripe) or by a credit note, and member trade and
/// quota are reversed for it once. Each party acts only on its own case (403 otherwise); lists are keyset pages.
/// </summary>
public static class AfterSalesApi
{
    public const int PageSize = 20;

    public static IEndpointRouteBuilder MapAfterSalesApi(this IEndpointRouteBuilder app)
    {
        var order = app.MapGroup("/api/orders/{orderId}/aftersales").WithTags("AfterSales").RequireAuthorization();
        order.MapPost("/", Request).WithName("RequestAfterSales")
            .WithSummary("The buyer asks for a refund of a delivered part (cooperativeId, amountFen, reason), within 7 days of delivery, once per part.");
        order.MapGet("/{cooperativeId}", Get).WithName("GetAfterSales").WithSummary("The case of one part (its buyer, its cooperative, operators).");
        order.MapPost("/{cooperativeId}/answer", Answer).WithName("AnswerAfterSales")
            .WithSummary("The cooperative accepts, proposes an amount (answer Propose, amountFen, note) or refuses (note).");
        order.MapPost("/{cooperativeId}/reply", Reply).WithName("ReplyAfterSales")
            .WithSummary("The buyer accepts the proposal (accept true) or escalates a proposal or refusal to the operator (accept false, note).");
        order.MapPost("/{cooperativeId}/decide", Decide).WithName("DecideAfterSales")
            .WithSummary("An operator decides an escalated case: amountFen (0: no refund) and note.");

        app.MapGet("/api/buyers/{id}/aftersales", OfBuyer).WithTags("AfterSales").RequireAuthorization().WithName("ListBuyerAfterSales")
            .WithSummary("The buyer's cases, newest first (?before=).");
        app.MapGet("/api/cooperatives/{id}/aftersales", OfCooperative).WithTags("AfterSales").RequireAuthorization().WithName("ListCooperativeAfterSales")
            .WithSummary("The cooperative's cases, newest first (?before=).");
        app.MapGet("/api/aftersales", InStatus).WithTags("AfterSales").RequireAuthorization(Roles.PlatformAdmin).WithName("ListAfterSales")
            .WithSummary("The cases in one status (default Escalated: the operators' queue), newest first.");
        return app;
    }

    public static async Task<Results<Created<AfterSalesCase>, ForbidHttpResult>> Request([AsParameters] ApiServices s, string orderId, RequestAfterSalesRequest request)
    {
        new Validator().Text("cooperativeId", request.CooperativeId, 64).ThrowIfInvalid();
        var order = await s.Order(orderId);
        if (!s.User.IsBuyer(order.BuyerId)) return TypedResults.Forbid();
        var key = new SubOrderKey(order.Id, request.CooperativeId!.Trim()).ToString();
        using var audit = s.Audit.Declare(s.User, "aftersales.request", AfterSalesCaseGrain.AuditResource, key);
        var c = await s.Grains.GetGrain<IAfterSalesCaseGrain>(key).Request(order.BuyerId, request.AmountFen, request.Reason, null);
        return TypedResults.Created($"/api/orders/{order.Id}/aftersales/{c.CooperativeId}", c);
    }

    public static async Task<Results<Ok<AfterSalesCase>, ForbidHttpResult>> Get([AsParameters] ApiServices s, string orderId, string cooperativeId)
    {
        var order = await s.Order(orderId);
        if (!s.User.IsBuyer(order.BuyerId) && !s.User.AdministersCooperative(cooperativeId)) return TypedResults.Forbid();
        var c = await s.Grains.GetGrain<IAfterSalesCaseGrain>(new SubOrderKey(order.Id, cooperativeId).ToString()).Get();
        return c is null ? throw new NotFoundException("aftersales", $"{orderId}:{cooperativeId}") : TypedResults.Ok(c);
    }

    public static async Task<Results<Ok<AfterSalesCase>, ForbidHttpResult>> Answer([AsParameters] ApiServices s, string orderId, string cooperativeId, AnswerAfterSalesRequest request)
    {
        var order = await s.Order(orderId);
        if (!s.User.AdministersCooperative(cooperativeId) || order.SubOrders.All(o => o.CooperativeId != cooperativeId)) return TypedResults.Forbid();
        if (request.Answer is not { } answer || !Enum.IsDefined(answer)) throw ValidationFailedException.For("answer", "must be Accept, Propose or Refuse.");
        var key = new SubOrderKey(order.Id, cooperativeId).ToString();
        using var audit = s.Audit.Declare(s.User, $"aftersales.{answer.ToString().ToLowerInvariant()}", AfterSalesCaseGrain.AuditResource, key);
        return TypedResults.Ok(await s.Grains.GetGrain<IAfterSalesCaseGrain>(key).Answer(answer, request.AmountFen, request.Note, s.User.ActorName()));
    }

    public static async Task<Results<Ok<AfterSalesCase>, ForbidHttpResult>> Reply([AsParameters] ApiServices s, string orderId, string cooperativeId, ReplyAfterSalesRequest request)
    {
        var order = await s.Order(orderId);
        if (!s.User.IsBuyer(order.BuyerId)) return TypedResults.Forbid();
        var key = new SubOrderKey(order.Id, cooperativeId).ToString();
        using var audit = s.Audit.Declare(s.User, request.Accept ? "aftersales.accept-proposal" : "aftersales.escalate", AfterSalesCaseGrain.AuditResource, key);
        return TypedResults.Ok(await s.Grains.GetGrain<IAfterSalesCaseGrain>(key).Reply(request.Accept, request.Note, s.User.ActorName()));
    }

    public static async Task<Results<Ok<AfterSalesCase>, ForbidHttpResult>> Decide([AsParameters] ApiServices s, string orderId, string cooperativeId, DecideAfterSalesRequest request)
    {
        if (!s.User.IsPlatformAdmin()) return TypedResults.Forbid();
        var order = await s.Order(orderId);
        var key = new SubOrderKey(order.Id, cooperativeId).ToString();
        using var audit = s.Audit.Declare(s.User, "aftersales.decide", AfterSalesCaseGrain.AuditResource, key);
        return TypedResults.Ok(await s.Grains.GetGrain<IAfterSalesCaseGrain>(key).Decide(request.AmountFen, request.Note, s.User.ActorName()));
    }

    public static async Task<Results<Ok<ListPage<AfterSalesRow>>, ForbidHttpResult>> OfBuyer(
        [AsParameters] ApiServices s, AfterSalesQueries cases, string id, string? before, int? limit) =>
        s.User.IsBuyer(id) ? TypedResults.Ok(await cases.OfBuyer(id, before, Paging.Limit(limit, PageSize))) : TypedResults.Forbid();

    public static async Task<Results<Ok<ListPage<AfterSalesRow>>, ForbidHttpResult>> OfCooperative(
        [AsParameters] ApiServices s, AfterSalesQueries cases, string id, string? before, int? limit) =>
        s.User.AdministersCooperative(id) ? TypedResults.Ok(await cases.OfCooperative(id, before, Paging.Limit(limit, PageSize))) : TypedResults.Forbid();

    public static async Task<Ok<ListPage<AfterSalesRow>>> InStatus(AfterSalesQueries cases, AfterSalesStatus? status, string? before, int? limit) =>
        TypedResults.Ok(await cases.InStatus(status ?? AfterSalesStatus.Escalated, before, Paging.Limit(limit, PageSize)));
}

/// <summary>The buyer's request: which cooperative's part, how much (fen) and why.</summary>
public sealed record RequestAfterSalesRequest(string? CooperativeId, long AmountFen, string? Reason);

/// <summary>The cooperative's answer; <c>amountFen</c> with Propose, <c>note</c> with Propose and Refuse.</summary>
public sealed record AnswerAfterSalesRequest(AfterSalesAnswer? Answer, long? AmountFen, string? Note);

/// <summary>The buyer's reply to a proposal or refusal.</summary>
public sealed record ReplyAfterSalesRequest(bool Accept, string? Note);

/// <summary>The operator's decision.</summary>
public sealed record DecideAfterSalesRequest(long AmountFen, string? Note);

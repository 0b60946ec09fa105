using AgriLink.Domain.Errors;
using AgriLink.Domain.Orders;
using AgriLink.Domain.Reviews;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Reviews;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>
/// Reviews (评价) of delivered sub-orders: the order's buyer rates each cooperative's part once within 30 days of its
/// delivery (quality, freshness, packaging, delivery, 1–5, and a comment), the cooperative answers once, an operator hides
/// one with a reason (kept in the audit log). Anyone reads a cooperative's or a listing's rating and visible reviews, from
/// the projections; never who wrote them.
/// </summary>
public static class ReviewsApi
{
    public const int PageSize = 20;

    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var order = app.MapGroup("/api/orders/{orderId}/reviews").WithTags("Reviews").RequireAuthorization();
        order.MapGet("/", OfOrder).WithName("GetOrderReviews").WithSummary("The reviews of the order's sub-orders (its buyer, the cooperatives shipping it, operators).");
        order.MapPost("/", Write).WithName("WriteReview")
            .WithSummary("The buyer rates one cooperative's delivered part (cooperativeId, quality, freshness, packaging, delivery 1–5, comment), once, within 30 days of delivery.");
        order.MapPost("/{cooperativeId}/reply", Answer).WithName("AnswerReview").WithSummary("The cooperative answers a review of its part, once.");
        order.MapPost("/{cooperativeId}/hide", Hide).WithName("HideReview").WithSummary("An operator hides a review, with the reason (audited).");

        app.MapGet("/api/cooperatives/{id}/reviews", OfCooperative).WithTags("Reviews").WithName("GetCooperativeReviews")
            .WithSummary("A cooperative's rating and its visible reviews, newest first (?before= the previous page's next).");
        app.MapGet("/api/listings/{id}/reviews", OfListing).WithTags("Reviews").WithName("GetListingReviews")
            .WithSummary("A listing's rating and the visible reviews of the sub-orders that held it, newest first.");
        app.MapGet("/api/reviews", Latest).WithTags("Reviews").WithName("ListReviews").RequireAuthorization(Roles.PlatformAdmin)
            .WithSummary("Every review, hidden ones too, newest first: the operators' queue.");
        return app;
    }

    public static async Task<Results<Created<Review>, ForbidHttpResult>> Write([AsParameters] ApiServices s, string orderId, WriteReviewRequest request)
    {
        new Validator().Text("cooperativeId", request.CooperativeId, 64).ThrowIfInvalid();
        var order = await s.Order(orderId);
        if (!s.User.IsBuyer(order.BuyerId)) return TypedResults.Forbid();
        var key = new SubOrderKey(order.Id, request.CooperativeId!.Trim());
        using var audit = s.Audit.Declare(s.User, "review.write", ReviewGrain.AuditResource, key.ToString());
        var review = await s.Grains.GetGrain<IReviewGrain>(key.ToString())
            .Write(order.BuyerId, new ReviewScores(request.Quality, request.Freshness, request.Packaging, request.Delivery), request.Comment);
        return TypedResults.Created($"/api/orders/{order.Id}/reviews", review);
    }

    public static async Task<Results<Ok<Review>, ForbidHttpResult>> Answer([AsParameters] ApiServices s, string orderId, string cooperativeId, ReviewTextRequest request)
    {
        var order = await s.Order(orderId);
        if (!s.User.AdministersCooperative(cooperativeId) || order.SubOrders.All(o => o.CooperativeId != cooperativeId)) return TypedResults.Forbid();
        var key = new SubOrderKey(order.Id, cooperativeId).ToString();
        using var audit = s.Audit.Declare(s.User, "review.reply", ReviewGrain.AuditResource, key);
        return TypedResults.Ok(await s.Grains.GetGrain<IReviewGrain>(key).Answer(request.Text ?? ""));
    }

    public static async Task<Results<Ok<Review>, ForbidHttpResult>> Hide([AsParameters] ApiServices s, string orderId, string cooperativeId, ReviewTextRequest request)
    {
        if (!s.User.IsPlatformAdmin()) return TypedResults.Forbid();
        var order = await s.Order(orderId);
        var key = new SubOrderKey(order.Id, cooperativeId).ToString();
        using var audit = s.Audit.Declare(s.User, "review.hide", ReviewGrain.AuditResource, key);
        return TypedResults.Ok(await s.Grains.GetGrain<IReviewGrain>(key).Hide(request.Text ?? "", s.User.ActorName()));
    }

    public static async Task<Results<Ok<IReadOnlyList<Review>>, ForbidHttpResult>> OfOrder([AsParameters] ApiServices s, string orderId)
    {
        var order = await s.Order(orderId);
        var visible = s.User.IsPlatformAdmin() || s.User.IsBuyer(order.BuyerId)
            ? order.SubOrders
            : order.SubOrders.Where(o => s.User.AdministersCooperative(o.CooperativeId)).ToList();
        if (visible.Count == 0) return TypedResults.Forbid();
        var reviews = new List<Review>();
        foreach (var sub in visible)
            if (await s.Grains.GetGrain<IReviewGrain>(new SubOrderKey(order.Id, sub.CooperativeId).ToString()).Get() is { } review) reviews.Add(review);
        return TypedResults.Ok<IReadOnlyList<Review>>(reviews);
    }

    public static async Task<Ok<RatedReviews>> OfCooperative(ReviewQueries reviews, string id, string? before, int? limit) =>
        TypedResults.Ok(new RatedReviews(await reviews.OfCooperative(id), Public(await reviews.ByCooperative(id, before, Paging.Limit(limit, PageSize), withHidden: false))));

    public static async Task<Ok<RatedReviews>> OfListing(ReviewQueries reviews, string id, string? before, int? limit) =>
        TypedResults.Ok(new RatedReviews(await reviews.OfListing(id), Public(await reviews.ByListing(id, before, Paging.Limit(limit, PageSize)))));

    public static async Task<Ok<ListPage<ReviewRow>>> Latest(ReviewQueries reviews, string? before, int? limit) =>
        TypedResults.Ok(await reviews.Latest(before, Paging.Limit(limit, PageSize)));

    private static ListPage<PublicReview> Public(ListPage<ReviewRow> page) =>
        new(page.Items.Select(r => new PublicReview(r.CooperativeId, r.Quality, r.Freshness, r.Packaging, r.Delivery, r.Comment, r.Reply, r.WrittenAt)).ToList(),
            page.Total, page.Next);
}

/// <summary>The buyer's marks (1–5 each) for one cooperative's part of the order, and an optional comment.</summary>
public sealed record WriteReviewRequest(string? CooperativeId, int Quality, int Freshness, int Packaging, int Delivery, string? Comment);

/// <summary>The cooperative's answer, or the operator's reason for hiding.</summary>
public sealed record ReviewTextRequest(string? Text);

/// <summary>A review as anyone may read it: the marks, the comment and the answer; not who wrote it or which order.</summary>
public sealed record PublicReview(string CooperativeId, int Quality, int Freshness, int Packaging, int Delivery, string Comment, string? Reply, DateTimeOffset WrittenAt);

/// <summary>A rating and a page of the reviews it is made of.</summary>
public sealed record RatedReviews(Rating Rating, ListPage<PublicReview> Reviews);

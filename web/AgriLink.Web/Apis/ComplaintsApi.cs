using AgriLink.Domain.Complaints;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Identifiers;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Complaints;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Projections;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AgriLink.Web.Apis;

/// <summary>
/// Complaints (投诉) about a cooperative's price or quality: a buyer files one (optionally about one of its orders with that
/// cooperative); operators uphold or dismiss each with a reason (audited). A cooperative with <c>Complaints:SuspensionThreshold</c>
/// upheld complaints within <c>Complaints:WindowMonths</c> months is flagged (<see cref="ComplaintDecision.SuspensionProposed"/>):
/// the operator suspends it through the admission flow's own suspend action, not automatically.
/// </summary>
public static class ComplaintsApi
{
    public const int PageSize = 20;

    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/complaints").WithTags("Complaints").RequireAuthorization();
        api.MapPost("/", File).WithName("FileComplaint")
            .WithSummary("A buyer complains about a cooperative (buyerId, cooperativeId, orderId optional, kind Price or Quality, text).");
        api.MapGet("/", InStatus).WithName("ListComplaints").RequireAuthorization(Roles.PlatformAdmin)
            .WithSummary("The complaints in one status (default Open: the operators' queue), newest first (?before=).");
        api.MapPost("/{id}/uphold", Uphold).WithName("UpholdComplaint").RequireAuthorization(Roles.PlatformAdmin)
            .WithSummary("Uphold a complaint with the reason; answers whether the cooperative now calls for suspension.");
        api.MapPost("/{id}/dismiss", Dismiss).WithName("DismissComplaint").RequireAuthorization(Roles.PlatformAdmin)
            .WithSummary("Dismiss a complaint with the reason.");
        return app;
    }

    public static async Task<Results<Created<Complaint>, ForbidHttpResult>> File([AsParameters] ApiServices s, FileComplaintRequest request)
    {
        new Validator().Text("buyerId", request.BuyerId, 40).Text("cooperativeId", request.CooperativeId, 64).ThrowIfInvalid();
        if (!s.User.IsBuyer(request.BuyerId!)) return TypedResults.Forbid();
        var cooperativeId = request.CooperativeId!.Trim();
        if (!await s.Grains.GetGrain<ICooperativeGrain>(cooperativeId).Exists()) throw new NotFoundException("cooperative", cooperativeId);
        if (request.OrderId is { } orderId)
        {
            // The order must be the buyer's and hold a part from this cooperative.
            if (!OrderIds.IsValid(orderId)) throw ValidationFailedException.For("orderId", "is not an order of this buyer with this cooperative.");
            var order = await s.Grains.GetGrain<IOrderGrain>(orderId).Get();
            if (order.BuyerId != request.BuyerId || order.SubOrders.All(o => o.CooperativeId != cooperativeId))
                throw ValidationFailedException.For("orderId", "is not an order of this buyer with this cooperative.");
        }
        var id = Ids.New("cmp");
        using var audit = s.Audit.Declare(s.User, "complaint.file", ComplaintGrain.AuditResource, id);
        var complaint = await s.Grains.GetGrain<IComplaintGrain>(id).File(request.BuyerId!, cooperativeId, request.OrderId, request.Kind, request.Text);
        return TypedResults.Created($"/api/complaints/{id}", complaint);
    }

    public static async Task<Ok<ListPage<ComplaintRow>>> InStatus(ComplaintQueries complaints, ComplaintStatus? status, string? before, int? limit) =>
        TypedResults.Ok(await complaints.InStatus(status ?? ComplaintStatus.Open, before, Paging.Limit(limit, PageSize)));

    public static Task<Ok<ComplaintDecision>> Uphold([AsParameters] ApiServices s, ComplaintQueries complaints, IOptions<ComplaintOptions> options, TimeProvider clock,
        string id, ComplaintReasonRequest request) => Decide(s, complaints, options.Value, clock, id, true, request.Reason);

    public static Task<Ok<ComplaintDecision>> Dismiss([AsParameters] ApiServices s, ComplaintQueries complaints, IOptions<ComplaintOptions> options, TimeProvider clock,
        string id, ComplaintReasonRequest request) => Decide(s, complaints, options.Value, clock, id, false, request.Reason);

    /// <summary>The cooperative's upheld complaints in the window, and whether they call for its suspension.</summary>
    public static async Task<(int Upheld, bool Proposed)> Standing(ComplaintQueries complaints, ComplaintOptions options, TimeProvider clock, string cooperativeId)
    {
        var upheld = await complaints.UpheldSince(cooperativeId, ComplaintRules.WindowStart(clock.GetUtcNow(), options.WindowMonths));
        return (upheld, ComplaintRules.CallsForSuspension(upheld, options.SuspensionThreshold));
    }

    private static async Task<Ok<ComplaintDecision>> Decide(ApiServices s, ComplaintQueries complaints, ComplaintOptions options, TimeProvider clock,
        string id, bool uphold, string? reason)
    {
        // An unknown complaint is the grain's 404 (it refuses to decide what was never filed).
        if (!Ids.IsValid(id, "cmp")) throw new NotFoundException("complaint", id);
        using var audit = s.Audit.Declare(s.User, uphold ? "complaint.uphold" : "complaint.dismiss", ComplaintGrain.AuditResource, id);
        var complaint = await s.Grains.GetGrain<IComplaintGrain>(id).Decide(uphold, reason, s.User.ActorName());
        var (upheld, proposed) = await Standing(complaints, options, clock, complaint.CooperativeId);
        return TypedResults.Ok(new ComplaintDecision(complaint, upheld, options.SuspensionThreshold, options.WindowMonths, proposed));
    }
}

/// <summary>A buyer's complaint: about which cooperative, optionally which order, price or quality, and what happened.</summary>
public sealed record FileComplaintRequest(string? BuyerId, string? CooperativeId, string? OrderId, ComplaintKind? Kind, string? Text);

/// <summary>Why the operator upholds or dismisses.</summary>
public sealed record ComplaintReasonRequest(string? Reason);

/// <summary>The decided complaint and the cooperative's standing: upheld complaints in the window, and whether suspension is proposed.</summary>
public sealed record ComplaintDecision(Complaint Complaint, int UpheldInWindow, int Threshold, int WindowMonths, bool SuspensionProposed);

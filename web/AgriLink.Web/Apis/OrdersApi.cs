using AgriLink.Domain.Errors;
using AgriLink.Grains.Common;
using AgriLink.Domain.Orders;
using AgriLink.Grains;
using AgriLink.Grains.Orders;
using AgriLink.Payments;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Apis;

/// <summary>
/// Orders. A buyer places, reads and cancels its own; each cooperative sees and fulfils only its own sub-order;
/// platform operators see everything. The state machine decides the rest: a party that may see an order but not do
/// what it asks gets a 409 <c>order.not-allowed</c> problem.
/// </summary>
public static class OrdersApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/buyers/{buyerId}/orders", ForBuyer).WithTags("Orders").WithName("ListBuyerOrders")
            .WithSummary("The buyer's orders, newest first (the buyer or operators).").RequireAuthorization();
        app.MapGet("/api/cooperatives/{cooperativeId}/orders", ForCooperative).WithTags("Orders").WithName("ListCooperativeOrders")
            .WithSummary("The cooperative's incoming sub-orders, newest first (its admins or operators).").RequireAuthorization();

        var api = app.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization();
        api.MapPost("/", Place).WithName("PlaceOrder")
            .WithSummary("Place an order (the buyer or operators); send an Idempotency-Key header to make retries safe.");
        api.MapGet("/{id}", Get).WithName("GetOrder").WithSummary("An order (a cooperative admin sees only its own sub-order).");
        api.MapPost("/{id}/cancel", Cancel).WithName("CancelOrder").WithSummary("Cancel the order, or one cooperative's sub-order, before it ships.");
        api.MapPost("/{id}/suborders/{cooperativeId}/ship", Ship).WithName("ShipSubOrder").WithSummary("The cooperative ships its sub-order.");
        api.MapPost("/{id}/suborders/{cooperativeId}/deliver", Deliver).WithName("DeliverSubOrder")
            .WithSummary("The buyer (or an operator) confirms the sub-order arrived.");
        return api;
    }

    public static async Task<Results<Created<OrderDetails>, Ok<OrderDetails>, ForbidHttpResult, ProblemHttpResult>> Place(
        [AsParameters] ApiServices s, IConfiguration configuration, TimeProvider clock, PlaceOrder order,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey)
    {
        // Field rules first and access before any grain is touched: a bad or foreign request changes nothing. A requested
        // delivery date outside its window is refused here, and again by the grain for a new order (never for a retried one).
        OrderRules.Validate(order.BuyerId, order.PaymentMethod, order.Lines?.Select(l => ((string?)l?.ListingId, l?.Quantity ?? 0)).ToList(),
            order.DeliveryRegionCode, order.DeliveryAddress, order.Note, order.RecipientName, order.RecipientPhone, order.RequestedDeliveryDate,
            clock.Today());
        if (idempotencyKey is not null && !OrderIds.IsValidKey(idempotencyKey))
            throw ValidationFailedException.For(IdempotencyHeader, $"must be 1 to {OrderIds.MaxKeyLength} visible ASCII characters (a UUID will do).");
        var buyerId = order.BuyerId.Trim();
        if (!s.User.IsBuyer(buyerId)) return TypedResults.Forbid();
        if (order.PaymentMethod == PaymentMethod.Card && !configuration.IsStripeConfigured())
            throw new RuleViolationException("order.card-unavailable", "Card payments are not configured here; pay by invoice.", unprocessable: true);

        var id = idempotencyKey is null ? OrderIds.New() : OrderIds.FromIdempotencyKey(buyerId, idempotencyKey);
        var grain = s.Grains.Get<IOrderGrain>(id);
        var existed = idempotencyKey is not null && await grain.Exists();
        // Sold out or unavailable: refused from the listings' memory, before any order grain is created, and without
        // throwing (in a flash sale most requests end here).
        if (!existed && await OrderPrecheck.FindRefusal(s.Grains, order, id) is { } refusal)
            return TypedResults.Problem(Errors.ProblemExceptionHandler.Map(refusal));
        var actor = new OrderActor(IsBuyerItself(s, buyerId) ? ActorRole.Buyer : ActorRole.Platform, s.User.ActorName());
        // The order writes its entry with itself (a retried placement writes nothing, so it has none twice).
        using var audit = s.Audit.Declare(s.User, "order.place", "order", id);
        // A listing's refusal comes back as an answer: a flash sale's late buyers cost no exception.
        var outcome = await grain.TryPlace(order, actor);
        if (outcome.Refused is { } refused) return TypedResults.Problem(Errors.ProblemExceptionHandler.Map(refused.ToException()));
        var placed = View(s, outcome.Order!)!;
        if (existed) return TypedResults.Ok(placed);
        return TypedResults.Created($"/api/orders/{id}", placed);
    }

    public static async Task<Results<Ok<OrderDetails>, ForbidHttpResult, NotFound>> Get([AsParameters] ApiServices s, string id)
    {
        if (!OrderIds.IsValid(id)) return TypedResults.NotFound();
        var order = await s.Grains.GetGrain<IOrderGrain>(id).Get();
        return View(s, order) is { } visible ? TypedResults.Ok(visible) : TypedResults.Forbid();
    }

    public static async Task<Results<Ok<Page<OrderSummary>>, ForbidHttpResult>> ForBuyer(
        [AsParameters] ApiServices s, string buyerId, OrderStatus? status, int? offset, int? limit, string? after = null)
    {
        if (!s.User.IsBuyer(buyerId)) return TypedResults.Forbid();
        var page = Grains.Projections.PageRequest.Of(offset, limit, after);
        return TypedResults.Ok(Paging.From(await s.OrderLists.OfBuyer(buyerId, status, page), page));
    }

    public static async Task<Results<Ok<Page<OrderSummary>>, ForbidHttpResult>> ForCooperative(
        [AsParameters] ApiServices s, string cooperativeId, OrderStatus? status, int? offset, int? limit, string? after = null)
    {
        if (!s.User.AdministersCooperative(cooperativeId)) return TypedResults.Forbid();
        var page = Grains.Projections.PageRequest.Of(offset, limit, after);
        return TypedResults.Ok(Paging.From(await s.OrderLists.OfCooperative(cooperativeId, status, page), page));
    }

    public static Task<Results<Ok<OrderDetails>, ForbidHttpResult, NotFound>> Cancel([AsParameters] ApiServices s, string id, CancelOrderRequest request)
    {
        new Validator().Text("reason", request.Reason, 500).Text("cooperativeId", request.CooperativeId, 40, required: false).ThrowIfInvalid();
        return Change(s, id, request.CooperativeId, "order.cancel", (g, actor) => g.Cancel(actor, request.Reason, request.CooperativeId));
    }

    /// <summary>
    /// Ships with the carrier and tracking number (or own vehicle and delivery date); a request without a body ships
    /// without them, as clients written before shipments were recorded do.
    /// </summary>
    public static Task<Results<Ok<OrderDetails>, ForbidHttpResult, NotFound>> Ship(
        [AsParameters] ApiServices s, string id, string cooperativeId, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] ShipRequest? request = null)
    {
        Shipment? shipment = null;
        if (request is not null)
        {
            if (request.Carrier is not { } carrier) throw ValidationFailedException.For("carrier", "is required.");
            // The grain checks the delivery date against its own clock; the shape is checked before anything is read.
            ShipmentRules.Validate(carrier, request.TrackingNumber, request.DeliveryDate, today: null);
            shipment = new Shipment(carrier, request.TrackingNumber, request.DeliveryDate);
        }
        return Change(s, id, cooperativeId, "order.ship", (g, actor) => g.Ship(cooperativeId, actor, shipment));
    }

    public static Task<Results<Ok<OrderDetails>, ForbidHttpResult, NotFound>> Deliver([AsParameters] ApiServices s, string id, string cooperativeId) =>
        Change(s, id, cooperativeId, "order.deliver", (g, actor) => g.ConfirmDelivery(cooperativeId, actor));

    /// <summary>Only parties to the order act on it; the grain's state machine decides whether their role may.</summary>
    private static async Task<Results<Ok<OrderDetails>, ForbidHttpResult, NotFound>> Change(
        ApiServices s, string id, string? cooperativeId, string action, Func<IOrderGrain, OrderActor, Task<OrderDetails>> command)
    {
        if (!OrderIds.IsValid(id)) return TypedResults.NotFound();
        var grain = s.Grains.GetGrain<IOrderGrain>(id);
        var before = await grain.Get();
        if (ActorFor(s, before, cooperativeId) is not { } actor) return TypedResults.Forbid();
        OrderDetails after;
        using (s.Audit.Declare(s.User, action, "order", id)) after = await command(grain, actor);
        return TypedResults.Ok(View(s, after)!);
    }

    /// <summary>
    /// The role the caller acts in: the order's buyer, else the admin of the named cooperative, else an operator.
    /// Null for anyone else.
    /// </summary>
    private static OrderActor? ActorFor(ApiServices s, OrderDetails order, string? cooperativeId)
    {
        var name = s.User.ActorName();
        if (IsBuyerItself(s, order.BuyerId)) return new OrderActor(ActorRole.Buyer, name);
        if (cooperativeId is not null && s.User.AdministeredCooperatives().Contains(cooperativeId))
            return new OrderActor(ActorRole.Cooperative, name, cooperativeId);
        return s.User.IsPlatformAdmin() ? new OrderActor(ActorRole.Platform, name) : null;
    }

    /// <summary>The whole order for its buyer and operators; only their own sub-orders (and history) for cooperative admins.</summary>
    /// The buyer does not see which member households grew a line (ids of households are not public: issue 16).
    internal static OrderDetails? View(ApiServices s, OrderDetails order)
    {
        if (s.User.IsPlatformAdmin()) return order;
        if (IsBuyerItself(s, order.BuyerId))
            return order with
            {
                SubOrders = order.SubOrders.Select(x => x with
                {
                    Lines = x.Lines.Select(l => l with { Reserved = l.Reserved with { ProducerIds = [] } }).ToList(),
                }).ToList(),
            };
        var own = s.User.AdministeredCooperatives().ToHashSet(StringComparer.Ordinal);
        var subOrders = order.SubOrders.Where(x => own.Contains(x.CooperativeId)).ToList();
        if (subOrders.Count == 0) return null;
        return order with
        {
            // The recipient's phone is for the cooperatives that deliver to them: not one whose part was cancelled.
            RecipientPhone = subOrders.Any(x => x.Status is not (OrderStatus.Cancelled or OrderStatus.Refunded)) ? order.RecipientPhone : null,
            SubOrders = subOrders,
            TotalFen = subOrders.Sum(x => x.AmountFen),
            Status = subOrders.Count == order.SubOrders.Count ? order.Status : subOrders[0].Status,
            History = order.History.Where(e => e.CooperativeId is null || own.Contains(e.CooperativeId)).ToList(),
        };
    }

    private static bool IsBuyerItself(ApiServices s, string buyerId) =>
        s.User.IsInRole(Roles.Buyer) && s.User.HasClaim(AgriLinkClaims.Buyer, buyerId);
}

using AgriLink.Domain.Errors;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Orders;
using AgriLink.Payments;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StripeException = Stripe.StripeException;

namespace AgriLink.Web.Apis;

/// <summary>Card payments through Stripe (mapped only when Stripe is configured): the buyer pays, refunds go back.</summary>
public static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/orders/{id}").WithTags("Payments").RequireAuthorization();
        api.MapPost("/card-payment", StartCardPayment).WithName("StartCardPayment")
            .WithSummary("The order's buyer gets a Stripe PaymentIntent for a card order awaiting payment (the same one on every call).");
        api.MapPost("/card-checkout", StartCardCheckout).WithName("StartCardCheckout")
            .WithSummary("The order's buyer gets a Stripe Checkout page (hosted by Stripe) for a card order awaiting payment: the same open session on every call, a new one only after it expired.");
        api.MapPost("/card-checkout/{sessionId}/confirm", ConfirmCardCheckout).WithName("ConfirmCardCheckout")
            .WithSummary("Back from Stripe Checkout: the order's buyer has the session's payment recorded now, without waiting for the webhook.");
        api.MapPost("/suborders/{cooperativeId}/refund", RefundSubOrder).WithName("RefundSubOrder")
            .WithSummary("Refund a card-paid sub-order: its cooperative or the platform before shipping, or its buyer once it is cancelled after payment.");
        return api;
    }

    public static async Task<Results<Ok<CardPaymentIntent>, ForbidHttpResult, ProblemHttpResult>> StartCardPayment(
        [AsParameters] ApiServices s, IStripeGateway stripe, IOptions<StripeOptions> options, string id)
    {
        if (await PayableCardOrder(s, id) is not var (grain, order)) return TypedResults.Forbid();
        return await StripeCall(async () =>
        {
            // The idempotency key is the order: a retry (or a second click) returns the intent already made.
            var intent = order.PaymentReference is { } existing ? await stripe.GetPaymentIntent(existing) : await stripe.CreatePaymentIntent(order);
            // The order stores the intent with its audit entry (a retry that changes nothing writes neither).
            using (s.Audit.Declare(s.User, "order.card-payment", "order", id)) await grain.AttachPayment(StripeGateway.Provider, intent.Id);
            return TypedResults.Ok(new CardPaymentIntent(intent.Id, intent.ClientSecret, intent.Amount, intent.Currency, options.Value.PublishableKey));
        });
    }

    /// <summary>Stripe Checkout sessions live at most a day; a second click after that walks on to the session that replaced it.</summary>
    private const int MaxSessionReplacements = 100;

    public static async Task<Results<Ok<CardCheckout>, ForbidHttpResult, ProblemHttpResult>> StartCardCheckout(
        [AsParameters] ApiServices s, IStripeGateway stripe, HttpRequest request, string id)
    {
        if (await PayableCardOrder(s, id) is not var (_, order)) return TypedResults.Forbid();
        // Back to the buyer's order page on this site: built from the request's own origin, never from the client.
        var orderPage = $"{request.Scheme}://{request.Host}{request.PathBase}/buyer/orders/{Uri.EscapeDataString(id)}";
        var (success, cancel) = ($"{orderPage}?session_id={{CHECKOUT_SESSION_ID}}", $"{orderPage}?checkout=cancelled");

        return await StripeCall(async () =>
        {
            // Keyed by the order: a second click gets the session already made. A replayed answer shows it as first made,
            // so ask Stripe how it is now; once expired, the next one is keyed by the one it replaces.
            var session = await stripe.GetCheckoutSession((await stripe.CreateCheckoutSession(order, success, cancel)).Id);
            for (var i = 0; session.Status == "expired" && i < MaxSessionReplacements; i++)
                session = await stripe.GetCheckoutSession((await stripe.CreateCheckoutSession(order, success, cancel, replacing: session.Id)).Id);
            // A session only at Stripe changes nothing here; a completed one records the payment, audited with the order's write.
            if (session.Status == "complete" && session.PaymentIntentId is { } paid)
                using (s.Audit.Declare(s.User, "order.card-checkout", "order", id)) await s.Grains.GetGrain<IStripePaymentGrain>(paid).Reconcile(null);
            return TypedResults.Ok(new CardCheckout(session.Id, session.Status == "open" ? session.Url : null, session.Status,
                session.AmountTotal ?? order.TotalFen, session.Currency ?? stripe.Currency));
        });
    }

    public static async Task<Results<Ok<OrderDetails>, ForbidHttpResult, ProblemHttpResult>> ConfirmCardCheckout(
        [AsParameters] ApiServices s, IStripeGateway stripe, string id, string sessionId)
    {
        if (await BuyersCardOrder(s, id) is not var (grain, order)) return TypedResults.Forbid();
        // Already recorded (the webhook came first): nothing to ask Stripe.
        if (order.Status != OrderStatus.AwaitingPayment) return TypedResults.Ok(OrdersApi.View(s, order)!);

        return await StripeCall(async () =>
        {
            var session = await stripe.GetCheckoutSession(sessionId);
            // A session of another order (a link passed around, or made up) confirms nothing here.
            if (session.ClientReferenceId != id || session.Metadata?.GetValueOrDefault("order_id") != id)
                throw new NotFoundException("checkout session", sessionId);
            if (session.PaymentStatus == "paid" && session.PaymentIntentId is { } paid)
                await s.Grains.GetGrain<IStripePaymentGrain>(paid).Reconcile(null);
            return TypedResults.Ok(OrdersApi.View(s, await grain.Get())!);
        });
    }

    /// <summary>The caller's own card order awaiting payment; null (a 403) when it is not the caller's to pay.</summary>
    private static async Task<(IOrderGrain Grain, OrderDetails Order)?> PayableCardOrder(ApiServices s, string id)
    {
        if (await BuyersCardOrder(s, id) is not var (grain, order)) return null;
        if (order.Status != OrderStatus.AwaitingPayment)
            throw new RuleViolationException("payment.not-awaiting", $"Order {id} is {order.Status}, not awaiting payment.");
        return (grain, order);
    }

    /// <summary>The caller's own card order; null (a 403) when the caller is not its buyer.</summary>
    private static async Task<(IOrderGrain Grain, OrderDetails Order)?> BuyersCardOrder(ApiServices s, string id)
    {
        if (!s.User.IsInRole(Roles.Buyer)) return null;
        var grain = s.Grains.GetGrain<IOrderGrain>(id);
        var order = await grain.Get();
        if (!s.User.HasClaim(AgriLinkClaims.Buyer, order.BuyerId)) return null;
        if (order.PaymentMethod != PaymentMethod.Card)
            throw new RuleViolationException("payment.not-card", $"Order {id} is paid by {order.PaymentMethod}, not by card.");
        return (grain, order);
    }

    public static async Task<Results<Ok<OrderDetails>, ForbidHttpResult, ProblemHttpResult>> RefundSubOrder(
        [AsParameters] ApiServices s, string id, string cooperativeId)
    {
        var grain = s.Grains.GetGrain<IOrderGrain>(id);
        var before = await grain.Get();
        var sub = before.SubOrders.FirstOrDefault(x => x.CooperativeId == cooperativeId)
            ?? throw new NotFoundException("sub-order", $"{id}/{cooperativeId}");
        var owedToBuyer = sub is { Status: OrderStatus.Cancelled, RefundPending: true };
        var mayRefund = s.User.AdministersCooperative(cooperativeId) || (owedToBuyer && s.User.IsBuyer(before.BuyerId));
        if (!mayRefund) return TypedResults.Forbid();
        if (before.PaymentMethod != PaymentMethod.Card || before.PaymentReference is null)
            throw new RuleViolationException("payment.none", $"Order {id} has no card payment to refund.");

        return await StripeCall(async () =>
        {
            using (s.Audit.Declare(s.User, "order.refund", "order", id))
                await s.Grains.GetGrain<IStripePaymentGrain>(before.PaymentReference).Refund(cooperativeId);
            return TypedResults.Ok(OrdersApi.View(s, await grain.Get())!);
        });
    }

    /// <summary>Stripe unreachable or refusing: a 502 problem, nothing recorded here (the idempotency keys make a retry safe).</summary>
    internal static async Task<Results<Ok<T>, ForbidHttpResult, ProblemHttpResult>> StripeCall<T>(Func<Task<Ok<T>>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException e)
        {
            return GatewayProblem(e.StripeError?.Message ?? e.Message);
        }
        catch (HttpRequestException)
        {
            // The answer was lost (Stripe.net already retried with the same key): whatever Stripe did, a retry finds it.
            return GatewayProblem("no answer.");
        }
    }

    private static ProblemHttpResult GatewayProblem(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The payment service did not answer.",
            type: "urn:agrilink:problem:payment-gateway", detail: $"Stripe: {what} Retrying is safe.");
}

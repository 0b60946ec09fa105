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
        api.MapPost("/suborders/{cooperativeId}/refund", RefundSubOrder).WithName("RefundSubOrder")
            .WithSummary("Refund a card-paid sub-order: its cooperative or the platform before shipping, or its buyer once it is cancelled after payment.");
        return api;
    }

    public static async Task<Results<Ok<CardPaymentIntent>, ForbidHttpResult, ProblemHttpResult>> StartCardPayment(
        [AsParameters] ApiServices s, IStripeGateway stripe, IOptions<StripeOptions> options, string id)
    {
        if (!s.User.IsInRole(Roles.Buyer)) return TypedResults.Forbid();
        var grain = s.Grains.GetGrain<IOrderGrain>(id);
        var order = await grain.Get();
        if (!s.User.HasClaim(AgriLinkClaims.Buyer, order.BuyerId)) return TypedResults.Forbid();
        if (order.PaymentMethod != PaymentMethod.Card)
            throw new RuleViolationException("payment.not-card", $"Order {id} is paid by {order.PaymentMethod}, not by card.");
        if (order.Status != OrderStatus.AwaitingPayment)
            throw new RuleViolationException("payment.not-awaiting", $"Order {id} is {order.Status}, not awaiting payment.");

        return await StripeCall(async () =>
        {
            // The idempotency key is the order: a retry (or a second click) returns the intent already made.
            var intent = order.PaymentReference is { } existing ? await stripe.GetPaymentIntent(existing) : await stripe.CreatePaymentIntent(order);
            await grain.AttachPayment(StripeGateway.Provider, intent.Id);
            await s.Audit.Record(s.User, "order.card-payment", "order", id, null, new { intent.Id, intent.Amount });
            return TypedResults.Ok(new CardPaymentIntent(intent.Id, intent.ClientSecret, intent.Amount, intent.Currency, options.Value.PublishableKey));
        });
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
            await s.Grains.GetGrain<IStripePaymentGrain>(before.PaymentReference).Refund(cooperativeId);
            var after = await grain.Get();
            await s.Audit.Record(s.User, "order.refund", "order", id, before, after);
            return TypedResults.Ok(after);
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

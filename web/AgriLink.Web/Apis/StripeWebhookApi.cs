using System.Text;
using AgriLink.Payments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>
/// Stripe's webhook: anonymous, authenticated by its signature instead. A body that fails verification is refused with
/// 400 and changes nothing. Verified events are handed to the intent's grain, which deduplicates and reconciles.
/// </summary>
public static class StripeWebhookApi
{
    public static RouteHandlerBuilder MapStripeWebhookApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/stripe/webhook", Receive).WithTags("Payments").WithName("StripeWebhook")
            .WithSummary("Stripe events (signed with the endpoint's secret).").AllowAnonymous().DisableAntiforgery();

    public static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> Receive(
        HttpRequest request, IGrainFactory grains, StripeWebhookVerifier verifier, ILoggerFactory loggers)
    {
        // The raw bytes as sent: the signature covers them exactly.
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var stripeEvent = verifier.Verify(body, request.Headers[StripeWebhookVerifier.SignatureHeader], out var problem);
        if (stripeEvent is null)
        {
            loggers.CreateLogger(typeof(StripeWebhookApi)).LogWarning("Refused a Stripe webhook: {Problem}", problem);
            Grains.BusinessMetrics.Webhook("refused");
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The webhook signature does not verify.",
                type: "urn:agrilink:problem:webhook-signature", detail: problem);
        }

        var paymentIntentId = StripeEvents.PaymentIntentOf(stripeEvent);
        var outcome = "ignored";
        if (paymentIntentId is not null)
            outcome = (await grains.GetGrain<IStripePaymentGrain>(paymentIntentId).Reconcile(stripeEvent.Id)).Duplicate ? "duplicate" : "processed";
        Grains.BusinessMetrics.Webhook(outcome);
        return TypedResults.Ok(new WebhookReceipt(stripeEvent.Id, stripeEvent.Type, outcome));
    }
}

public sealed record WebhookReceipt(string EventId, string Type, string Outcome);

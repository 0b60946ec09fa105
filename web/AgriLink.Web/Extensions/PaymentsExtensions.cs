using AgriLink.Payments;
using AgriLink.Web.Apis;

namespace AgriLink.Web.Extensions;

public static class PaymentsExtensions
{
    /// <summary>Card payments through Stripe, only when <c>Stripe:SecretKey</c> is configured; otherwise Stripe is absent.</summary>
    public static WebApplicationBuilder AddAgriLinkPayments(this WebApplicationBuilder builder)
    {
        builder.Services.AddAgriLinkStripe(builder.Configuration);
        return builder;
    }

    /// <summary>Maps the card-payment and webhook endpoints when Stripe is configured (so they are not in the API description otherwise).</summary>
    public static IEndpointRouteBuilder MapAgriLinkPayments(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!configuration.IsStripeConfigured()) return app;
        app.MapPaymentsApi();
        app.MapStripeWebhookApi();
        return app;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgriLink.Payments;

public static class PaymentsServiceCollectionExtensions
{
    public static bool IsStripeConfigured(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{StripeOptions.Section}:{nameof(StripeOptions.SecretKey)}"]);

    /// <summary>Registers card payments when <c>Stripe:SecretKey</c> is set; otherwise nothing and returns false.</summary>
    public static bool AddAgriLinkStripe(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.IsStripeConfigured()) return false;
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<IStripeGateway, StripeGateway>();
        services.AddSingleton<StripeWebhookVerifier>();
        services.AddSingleton<Grains.AfterSales.ICardRefunds, StripeCardRefunds>();
        return true;
    }
}

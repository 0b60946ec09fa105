using AgriLink.Domain.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgriLink.Grains.Quotas;

public static class QuotaServiceCollectionExtensions
{
    /// <summary>Binds <see cref="QuotaOptions"/> to the <c>Quotas</c> section and refuses to start with a malformed rate table.</summary>
    public static IServiceCollection AddQuotaOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QuotaOptions>()
            .Bind(configuration.GetSection(QuotaOptions.Section))
            .Validate(Valid, "Quotas:ReserveRates must map 2-, 4- or 6-digit region prefixes to basis points between 1000 (the national floor) and 10000.")
            .ValidateOnStart();
        return services;
    }

    private static bool Valid(QuotaOptions options)
    {
        try
        {
            options.Table();
            return true;
        }
        catch (ValidationFailedException)
        {
            return false;
        }
    }
}

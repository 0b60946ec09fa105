using AgriLink.Grains.Quotas;
using AgriLink.Grains.Orders;
using AgriLink.Storage.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgriLink.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// The embedded silo: localhost clustering on the configured ports and grain state in the
    /// AgriLink database (which the caller has registered with <c>AddAgriLinkDatabase</c>).
    /// </summary>
    public static ISiloBuilder AddAgriLinkEmbeddedSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        silo.AddAgriLinkStorage();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddOptions<MarketplaceOptions>().Bind(configuration.GetSection(MarketplaceOptions.Section));
        silo.Services.AddQuotaOptions(configuration);
        return silo;
    }
}

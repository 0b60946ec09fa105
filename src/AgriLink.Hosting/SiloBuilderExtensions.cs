using AgriLink.Grains.Quotas;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Projections;
using AgriLink.Storage.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace AgriLink.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// An AgriLink silo, the same for the web host's co-hosted silo and silo/AgriLink.Silo: grain state in the AgriLink
    /// database (which the caller has registered with <c>AddAgriLinkDatabase</c>) and the grains' options. Clustering by
    /// <see cref="HostingModes.Mode"/>: embedded is localhost clustering on the configured ports; cluster is Redis
    /// membership with <see cref="FailureDetection"/>'s bounds, on the advertised address.
    /// </summary>
    public static ISiloBuilder AddAgriLinkSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = SiloOptions.From(configuration);
        if (configuration.Mode() == HostingMode.Cluster)
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
            silo.ConfigureEndpoints(options.AdvertisedAddress(), options.SiloPort, options.GatewayPort, options.ListenOnAnyAddress);
            var redis = configuration.RequireRedis("for silo membership");
            silo.UseRedisClustering(o => o.ConfigurationOptions = redis);
            silo.Services.AddBoundedFailureDetection(configuration);
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }

        silo.AddAgriLinkStorage();
        silo.Services.AddAgriLinkProjections();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddOptions<MarketplaceOptions>().Bind(configuration.GetSection(MarketplaceOptions.Section));
        silo.Services.AddQuotaOptions(configuration);
        Grains.Monitoring.MonitoringServiceCollectionExtensions.AddMonitoringOptions(silo.Services, configuration);
        return silo;
    }

    /// <summary>
    /// A web host in cluster mode: an Orleans client of the silos, through the fixed <c>Orleans:Gateways</c> when set,
    /// else the gateway list in Redis membership. It keeps retrying to connect while the silos start, and refreshes
    /// the gateway list every few seconds so a dead silo's gateway is dropped quickly. A grain call waits
    /// <see cref="SiloOptions.ResponseTimeout"/> for its answer (a few seconds, not Orleans' 30).
    /// </summary>
    public static IClientBuilder AddAgriLinkClient(this IClientBuilder client, IConfiguration configuration)
    {
        var options = SiloOptions.From(configuration);
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
        var gateways = options.GatewayEndpoints();
        if (gateways.Length > 0)
            client.UseStaticClustering(gateways);
        else
        {
            var redis = configuration.RequireRedis("or Orleans:Gateways, to find the silos");
            client.UseRedisClustering(o => o.ConfigurationOptions = redis);
        }
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        if (options.ResponseTimeout <= TimeSpan.Zero)
            throw new InvalidOperationException($"{SiloOptions.Section}:{nameof(SiloOptions.ResponseTimeout)} is {options.ResponseTimeout}: give a positive time such as 00:00:05.");
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);

        var connectFor = configuration.GetValue("Orleans:ConnectTimeout", TimeSpan.FromMinutes(2));
        var started = DateTime.UtcNow;
        client.UseConnectionRetryFilter(async (_, ct) =>
        {
            if (DateTime.UtcNow - started > connectFor) return false;
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            return true;
        });
        return client;
    }
}

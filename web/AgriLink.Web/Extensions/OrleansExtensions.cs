using AgriLink.Hosting;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace AgriLink.Web.Extensions;

public static class OrleansExtensions
{
    /// <summary>
    /// Embedded (default): a silo in this process, on localhost clustering. Cluster (<c>AgriLink:Mode=Cluster</c>): an
    /// Orleans client of the silos (silo/AgriLink.Silo) and no silo here, so web nodes scale out on their own; with
    /// Redis configured, the data-protection keys (sign-in cookies and bearer tokens) are shared there, so a token
    /// issued by one web node is accepted by every other. Without Redis (fixed <c>Orleans:Gateways</c>), nodes share
    /// the keys folder of a common <c>--data</c> folder. Either way the keys are encrypted with the certificate of
    /// <see cref="KeyEncryption"/>, which cluster mode requires.
    /// </summary>
    public static WebApplicationBuilder AddAgriLinkOrleans(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.Mode() == HostingMode.Cluster)
        {
            builder.UseOrleansClient(client => client.AddAgriLinkClient(builder.Configuration));
            if (builder.Configuration.RedisOptions() is { } redis)
            {
                var service = SiloOptions.From(builder.Configuration).ServiceId;
                var connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redis));
                // Registered after AddAgriLinkData's keys folder, so this repository is the one used.
                builder.Services.AddDataProtection().PersistKeysToStackExchangeRedis(() => connection.Value.GetDatabase(), $"agrilink:{service}:data-protection-keys");
            }
        }
        else
        {
            builder.UseOrleans(silo => silo.AddAgriLinkSilo(builder.Configuration));
        }
        // Encrypted at rest with DataProtection:CertificateFile; required in cluster mode (KeyEncryption).
        builder.Services.AddDataProtection().ProtectKeysAsConfigured(builder.Configuration);

        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}

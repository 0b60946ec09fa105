using AgriLink.Hosting;

namespace AgriLink.Web.Extensions;

public static class OrleansExtensions
{
    /// <summary>The embedded default: a silo in this process, on localhost clustering.</summary>
    public static WebApplicationBuilder AddAgriLinkOrleans(this WebApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.AddAgriLinkEmbeddedSilo(builder.Configuration));
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}

using AgriLink.Web.Live;

namespace AgriLink.Web.Extensions;

public static class LiveExtensions
{
    /// <summary>SignalR for <see cref="MarketHub"/> and this node's relay from the market feed.</summary>
    public static WebApplicationBuilder AddAgriLinkLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o =>
        {
            // Clients only join and leave topics: small messages, one at a time.
            o.MaximumReceiveMessageSize = 4 * 1024;
            o.MaximumParallelInvocationsPerClient = 1;
        });
        builder.Services.AddHostedService<MarketFeedRelay>();
        return builder;
    }

    /// <summary>
    /// Browsers cannot set headers on WebSockets, so the SignalR client sends the bearer token as <c>?access_token=</c>:
    /// on the hub's path only, it becomes the Authorization header before authentication runs.
    /// </summary>
    public static Task HubAccessToken(HttpContext http, Func<Task> next)
    {
        if (http.Request.Path.StartsWithSegments(MarketHub.Path) && string.IsNullOrEmpty(http.Request.Headers.Authorization)
            && http.Request.Query["access_token"] is { Count: 1 } token && !string.IsNullOrEmpty(token))
            http.Request.Headers.Authorization = $"Bearer {token}";
        return next();
    }

    public static WebApplication MapAgriLinkLive(this WebApplication app)
    {
        app.MapHub<MarketHub>(MarketHub.Path, o => o.AllowStatefulReconnects = true);
        return app;
    }
}

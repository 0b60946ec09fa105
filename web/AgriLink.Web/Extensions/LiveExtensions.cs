using Microsoft.AspNetCore.SignalR;
using AgriLink.Web.Live;

namespace AgriLink.Web.Extensions;

public static class LiveExtensions
{
    /// <summary>
    /// SignalR for <see cref="MarketHub"/>, this node's relay from the market feed, and its demand matcher (which tells
    /// buyers live of listings that meet their demands).
    /// </summary>
    public static WebApplicationBuilder AddAgriLinkLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o =>
        {
            // Clients only join and leave topics: small messages, one at a time.
            o.MaximumReceiveMessageSize = 4 * 1024;
            o.MaximumParallelInvocationsPerClient = 1;
            o.AddFilter<HubMessageLimit>();
        });
        builder.Services.AddHostedService<MarketFeedRelay>();
        builder.Services.AddHostedService<Outbox.DemandMatchFollower>();
        return builder;
    }

    /// <summary>
    /// Browsers cannot set headers on WebSockets, so the SignalR client sends the bearer token as <c>?access_token=</c>:
    /// on the hub's path only, it becomes the Authorization header before authentication runs.
    /// </summary>
    public static Task HubAccessToken(HttpContext http, Func<Task> next)
    {
        if (http.Request.Path.StartsWithSegments(MarketHub.Path) && !OriginAllowed(http))
        {
            // Cross-site WebSocket hijacking: a page elsewhere must not ride a signed-in user's cookie into the hub.
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        if (http.Request.Path.StartsWithSegments(MarketHub.Path) && string.IsNullOrEmpty(http.Request.Headers.Authorization)
            && http.Request.Query["access_token"] is { Count: 1 } token && !string.IsNullOrEmpty(token))
            http.Request.Headers.Authorization = $"Bearer {token}";
        return next();
    }

    /// <summary>
    /// A browser's Origin must be this site itself or one listed in <c>AgriLink:Live:AllowedOrigins</c>; clients that
    /// send no Origin (native apps, the .NET client) are judged by their token alone.
    /// </summary>
    private static bool OriginAllowed(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin)) return true;
        if (string.Equals(origin, $"{http.Request.Scheme}://{http.Request.Host}", StringComparison.OrdinalIgnoreCase)) return true;
        var allowed = http.RequestServices.GetRequiredService<IConfiguration>().GetSection("AgriLink:Live:AllowedOrigins").Get<string[]>() ?? [];
        return allowed.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
    }

    public static WebApplication MapAgriLinkLive(this WebApplication app)
    {
        app.MapHub<MarketHub>(MarketHub.Path, o => o.AllowStatefulReconnects = true);
        return app;
    }
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AgriLink.Web.Extensions;

/// <summary>
/// Running behind a reverse proxy that ends TLS. <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only
/// from the proxies listed in <c>AgriLink:Proxy:KnownProxies</c> (addresses) and <c>AgriLink:Proxy:KnownNetworks</c> (CIDR
/// ranges); with neither, no forwarded header is believed (not even from loopback). Behind TLS the request is HTTPS, so
/// the cookies are <c>Secure</c> (<c>AgriLink:Proxy:CookiesAlwaysSecure</c> makes them always so) and HSTS is sent outside
/// Development. Kestrel does not name itself in a <c>Server</c> header. <c>/metrics</c> answers only a request whose
/// connection itself comes from loopback and that no proxy forwarded (see <see cref="IsLocalScrape"/>).
/// </summary>
public static class ProxyExtensions
{
    public static WebApplicationBuilder AddAgriLinkProxy(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        var proxies = Addresses(builder.Configuration, "AgriLink:Proxy:KnownProxies").Select(IPAddress.Parse).ToList();
        var networks = Addresses(builder.Configuration, "AgriLink:Proxy:KnownNetworks").Select(System.Net.IPNetwork.Parse).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = builder.Configuration.GetValue("AgriLink:Proxy:ForwardLimit", 1);
            // Only the configured proxies: the defaults (loopback) would let anything on the machine claim any client.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>
    /// First in the pipeline: remembers the connection's own peer (before forwarded headers rewrite it), believes the known
    /// proxies' forwarded headers, and sends HSTS on HTTPS outside Development.
    /// </summary>
    public static WebApplication UseAgriLinkProxy(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Features.Set(new ConnectionPeer(http.Connection.RemoteIpAddress,
                http.Request.Headers.ContainsKey(ForwardedHeadersDefaults.XForwardedForHeaderName) || http.Request.Headers.ContainsKey("Forwarded")));
            return next();
        });
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }

    public static CookieSecurePolicy CookieSecurity(IConfiguration configuration) =>
        configuration.GetValue("AgriLink:Proxy:CookiesAlwaysSecure", false) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    /// <summary>
    /// A scrape from the machine itself: the connection's own peer is loopback and the request was not forwarded. A proxy on
    /// the same host connects from loopback too, but it forwards someone else's request (and says so in X-Forwarded-For).
    /// </summary>
    public static bool IsLocalScrape(HttpContext http)
    {
        var peer = http.Features.Get<ConnectionPeer>() ?? new ConnectionPeer(http.Connection.RemoteIpAddress, false);
        return !peer.Forwarded && (peer.Address is null || IPAddress.IsLoopback(peer.Address));
    }

    private static IEnumerable<string> Addresses(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        // A list (AgriLink:Proxy:KnownProxies:0 …) or one comma-separated value (AgriLink__Proxy__KnownProxies=10.0.0.2,10.0.0.3).
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The connection's own peer and whether the request came with forwarded headers, as they were on arrival.</summary>
    public sealed record ConnectionPeer(IPAddress? Address, bool Forwarded);
}

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace AgriLink.Hosting;

/// <summary>Configuration section <c>Orleans</c>. Ports are settable so tests and side-by-side installs don't collide.</summary>
public sealed class SiloOptions
{
    public const string Section = "Orleans";

    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    public string ClusterId { get; set; } = "agrilink";
    public string ServiceId { get; set; } = "agrilink";

    /// <summary>Cluster mode: the address other silos and clients dial, an IP or a host name resolved at start (a container's service name).</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>Cluster mode: listen on every interface (inside a container) instead of the advertised address only.</summary>
    public bool ListenOnAnyAddress { get; set; }

    /// <summary>
    /// Web hosts in cluster mode: fixed gateways <c>host:port</c> separated by commas (e.g. an embedded web host's silo,
    /// <c>127.0.0.1:30000</c>). Empty: the gateway list comes from Redis membership.
    /// </summary>
    public string? Gateways { get; set; }

    /// <summary>
    /// Cluster mode, web hosts: how long a grain call waits for its answer before it fails with a
    /// <see cref="TimeoutException"/> (answered 503 with Retry-After). Orleans' own default is 30 s, longer than a person
    /// waits on a page; a call that a silo's death left unanswered ends here. Methods with their own
    /// <c>[ResponseTimeout]</c> (a dividend payment run) keep theirs. Embedded mode calls the co-hosted silo in process and
    /// keeps Orleans' default.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public static SiloOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<SiloOptions>() ?? new SiloOptions();

    public IPAddress AdvertisedAddress() => Resolve(AdvertisedHost);

    public IPEndPoint[] GatewayEndpoints() =>
        (Gateways ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParseEndpoint)
            .ToArray();

    private static IPEndPoint ParseEndpoint(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], out var port) || port is <= 0 or > 65535)
            throw new InvalidOperationException($"{Section}:{nameof(Gateways)} holds '{text}': expected host:port.");
        return new IPEndPoint(Resolve(text[..colon].Trim('[', ']')), port);
    }

    private static IPAddress Resolve(string host)
    {
        if (IPAddress.TryParse(host, out var address)) return address;
        return Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? throw new InvalidOperationException($"'{host}' has no IPv4 address.");
    }
}

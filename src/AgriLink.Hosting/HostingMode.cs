using Microsoft.Extensions.Configuration;

namespace AgriLink.Hosting;

/// <summary>
/// <c>Embedded</c> (default): one process, the web host co-hosts a silo on localhost clustering.
/// <c>Cluster</c>: silos (silo/AgriLink.Silo) find each other through Redis membership and web hosts are Orleans clients.
/// </summary>
public enum HostingMode
{
    Embedded,
    Cluster,
}

public static class HostingModes
{
    /// <summary>The switch; <c>Orleans:Mode</c> is read when it is absent.</summary>
    public const string ModeKey = "AgriLink:Mode";
    public const string OrleansModeKey = "Orleans:Mode";

    /// <summary><c>ConnectionStrings:Redis</c> (StackExchange.Redis syntax, e.g. <c>127.0.0.1:6379</c>): membership, gateway list and data-protection keys.</summary>
    public const string RedisConnectionName = "Redis";

    public static HostingMode Mode(this IConfiguration configuration)
    {
        var value = configuration[ModeKey] ?? configuration[OrleansModeKey];
        if (string.IsNullOrWhiteSpace(value)) return HostingMode.Embedded;
        return Enum.TryParse<HostingMode>(value.Trim(), ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new InvalidOperationException($"{ModeKey} is '{value}': use Embedded or Cluster.");
    }

    public static string? RedisConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(RedisConnectionName) is { Length: > 0 } redis ? redis : null;

    public static string RequireRedis(this IConfiguration configuration, string why) =>
        configuration.RedisConnectionString()
        ?? throw new InvalidOperationException($"Cluster mode needs ConnectionStrings:{RedisConnectionName} (e.g. 127.0.0.1:6379) {why}.");
}

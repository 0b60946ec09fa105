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

    /// <summary>
    /// The start-up line that says which mode a node runs in, loudly when it is embedded: a node an operator meant for a
    /// cluster but started without <c>AgriLink:Mode=Cluster</c> would otherwise run a one-node cluster of its own unnoticed.
    /// Names the cluster settings it was given and ignores (Redis, fixed gateways) when there are any.
    /// </summary>
    public static string ModeBanner(this IConfiguration configuration, string node)
    {
        if (configuration.Mode() == HostingMode.Cluster)
            return $"{node} runs in CLUSTER mode (Orleans cluster '{SiloOptions.From(configuration).ClusterId}').";
        var given = configuration.IgnoredClusterSettings();
        var ignored = given.Count == 0 ? "" : $" The cluster settings it was given ({string.Join(", ", given)}) do not make a cluster by themselves.";
        return $"{node} runs in EMBEDDED mode: a silo of its own on localhost clustering, not part of any cluster." + ignored +
               $" For cluster mode set {ModeKey}=Cluster (README \"Cluster mode\").";
    }

    /// <summary>
    /// Embedded mode: the settings only cluster mode reads, given all the same (an operator who forgot <c>AgriLink:Mode</c>).
    /// PostgreSQL is not among them: an embedded node may keep its data there.
    /// </summary>
    public static IReadOnlyList<string> IgnoredClusterSettings(this IConfiguration configuration)
    {
        var given = new List<string>();
        if (configuration.Mode() == HostingMode.Cluster) return given;
        if (configuration.RedisConnectionString() is not null) given.Add($"ConnectionStrings:{RedisConnectionName}");
        if (!string.IsNullOrWhiteSpace(configuration["Orleans:Gateways"])) given.Add("Orleans:Gateways");
        return given;
    }

    /// <summary>Redis's password when <c>ConnectionStrings:Redis</c> has none: <c>Redis:Password</c> or the file <c>Redis:PasswordFile</c> names.</summary>
    public const string RedisPasswordKey = "Redis:Password";

    public static string? RedisConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(RedisConnectionName) is { Length: > 0 } redis ? redis : null;

    /// <summary>Redis's configuration (<c>ConnectionStrings:Redis</c>) with its password (<see cref="RedisPasswordKey"/>) when set apart.</summary>
    public static StackExchange.Redis.ConfigurationOptions? RedisOptions(this IConfiguration configuration)
    {
        if (configuration.RedisConnectionString() is not { } redis) return null;
        var options = StackExchange.Redis.ConfigurationOptions.Parse(redis);
        if (string.IsNullOrEmpty(options.Password) && configuration.Secret(RedisPasswordKey) is { } password)
            options.Password = password;
        return options;
    }

    public static StackExchange.Redis.ConfigurationOptions RequireRedis(this IConfiguration configuration, string why) =>
        configuration.RedisOptions()
        ?? throw new InvalidOperationException($"Cluster mode needs ConnectionStrings:{RedisConnectionName} (e.g. 127.0.0.1:6379) {why}.");
}

using AgriLink.Hosting;

namespace AgriLink.Web.Outbox;

/// <summary>Names of this node's outbox consumers.</summary>
public static class OutboxConsumers
{
    /// <summary>
    /// <c>AgriLink:NodeName</c>; else <c>embedded</c> in the embedded mode (one node, whose search index lives in the data
    /// folder), and the machine with the addresses it listens on in cluster mode. It must stay the same across restarts,
    /// so the node resumes where it acknowledged, and differ between the web nodes of a cluster.
    /// </summary>
    public static string NodeName(IConfiguration configuration) =>
        configuration["AgriLink:NodeName"] is { Length: > 0 } name ? name
        : configuration.Mode() == HostingMode.Embedded ? "embedded"
        : $"{Environment.MachineName}/{configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "default"}";
}

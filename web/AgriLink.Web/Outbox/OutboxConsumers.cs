namespace AgriLink.Web.Outbox;

/// <summary>Names of this node's outbox consumers.</summary>
public static class OutboxConsumers
{
    /// <summary>
    /// <c>AgriLink:NodeName</c>, else the machine and the addresses this node listens on: unique per web node, and the
    /// same after a restart, so the node resumes where it acknowledged.
    /// </summary>
    public static string NodeName(IConfiguration configuration) =>
        configuration["AgriLink:NodeName"] is { Length: > 0 } name
            ? name
            : $"{Environment.MachineName}/{configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "default"}";
}

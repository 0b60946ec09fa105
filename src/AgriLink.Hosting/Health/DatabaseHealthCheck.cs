using AgriLink.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgriLink.Hosting.Health;

public sealed class DatabaseHealthCheck(AgriLinkDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await database.PingAsync(ct)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
}

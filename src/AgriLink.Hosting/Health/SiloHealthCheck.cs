using AgriLink.Grains.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgriLink.Hosting.Health;

/// <summary>Ready only when a grain call goes through: the silo is up and this node can reach it.</summary>
public sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await grains.GetGrain<IHealthGrain>(0).Ping().WaitAsync(TimeSpan.FromSeconds(5), ct);
            return HealthCheckResult.Healthy("Grain calls are answered.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Grain calls are not answered.", e);
        }
    }
}

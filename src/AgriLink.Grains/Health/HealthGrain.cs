using AgriLink.Grains.Common;
using Orleans.Concurrency;

namespace AgriLink.Grains.Health;

[StatelessWorker]
public sealed class HealthGrain(TimeProvider clock) : Grain, IHealthGrain
{
    public Task<DateTimeOffset> Ping() => Task.FromResult(clock.Now());
}

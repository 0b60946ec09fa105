namespace AgriLink.Grains.Health;

/// <summary>Answers when some silo can activate grains: the readiness probe's view of the cluster.</summary>
[Alias("AgriLink.IHealthGrain")]
public interface IHealthGrain : IGrainWithIntegerKey
{
    [Alias("Ping")] Task<DateTimeOffset> Ping();
}

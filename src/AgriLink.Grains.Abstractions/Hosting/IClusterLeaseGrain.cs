namespace AgriLink.Grains.Hosting;

/// <summary>
/// A named lease one holder keeps at a time, for work that must run once per cluster however many web nodes start
/// (demo seeding). The holder renews it while working; a holder that dies stops renewing and the lease expires.
/// </summary>
[Alias("AgriLink.IClusterLeaseGrain")]
public interface IClusterLeaseGrain : IGrainWithStringKey
{
    /// <summary>True when <paramref name="holder"/> holds the lease for <paramref name="duration"/> from now (taken, renewed, or expired elsewhere).</summary>
    [Alias("TryAcquire")] Task<bool> TryAcquire(string holder, TimeSpan duration);

    /// <summary>Gives the lease up if <paramref name="holder"/> holds it.</summary>
    [Alias("Release")] Task Release(string holder);
}

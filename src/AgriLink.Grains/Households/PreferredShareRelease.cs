using AgriLink.Grains.Shares;

namespace AgriLink.Grains.Households;

/// <summary>
/// One cooperative's part of a household's release job: the register converts or reassigns the household's preferred
/// shares. A seam for tests (a silo may register a subclass that fails); the household grain uses <see cref="Default"/>
/// otherwise.
/// </summary>
public class PreferredShareRelease
{
    public static readonly PreferredShareRelease Default = new();

    /// <summary>How soon the household's reminder first looks at a pending release, and how often it retries.</summary>
    public virtual TimeSpan RetryEvery => TimeSpan.FromMinutes(1);

    public virtual Task<PreferredExitReport> Release(IGrainFactory grains, string cooperativeId, string householdId, string actor) =>
        grains.GetGrain<IShareRegisterGrain>(cooperativeId).HouseholdExited(householdId, actor);
}

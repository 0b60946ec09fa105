using Orleans.Concurrency;

namespace AgriLink.Grains.Matching;

/// <summary>
/// The open demands' criteria (key 0). Listings announce themselves when published or restocked; the registry
/// notifies every open demand they match, without holding the listing up.
/// </summary>
[Alias("AgriLink.IOpenDemandsGrain")]
public interface IOpenDemandsGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or replaces a demand's criteria (a lower revision is ignored).</summary>
    [Alias("Open")] Task Open(OpenDemand demand);
    [Alias("Remove")] Task Remove(string demandId, int revision);
    [Alias("Count"), AlwaysInterleave] Task<int> Count();
    [Alias("ListingAvailable"), OneWay, AlwaysInterleave] Task ListingAvailable(ListingOffer offer);
}

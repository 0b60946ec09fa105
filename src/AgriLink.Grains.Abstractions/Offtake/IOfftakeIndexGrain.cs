using Orleans.Concurrency;

namespace AgriLink.Grains.Offtake;

/// <summary>
/// The offtake contracts one party is in (key: the enterprise's or cooperative's id; ids carry their kind's prefix, so
/// one grain type serves both), kept current by the contracts themselves.
/// </summary>
[Alias("AgriLink.IOfftakeIndexGrain")]
public interface IOfftakeIndexGrain : IGrainWithStringKey
{
    [Alias("Upsert")] Task Upsert(OfftakeSummary summary);
    [Alias("List"), AlwaysInterleave] Task<IReadOnlyList<OfftakeSummary>> List();
}

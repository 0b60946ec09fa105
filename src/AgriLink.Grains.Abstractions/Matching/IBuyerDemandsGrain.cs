namespace AgriLink.Grains.Matching;

/// <summary>A buyer's demands (key: the buyer id), kept up to date by the demand grains.</summary>
[Alias("AgriLink.IBuyerDemandsGrain")]
public interface IBuyerDemandsGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces the summary; older revisions are ignored.</summary>
    [Alias("Upsert")] Task Upsert(DemandSummary summary);
    /// <summary>Newest first.</summary>
    [Alias("List")] Task<IReadOnlyList<DemandSummary>> List();
}

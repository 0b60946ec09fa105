using AgriLink.Grains.Common;

namespace AgriLink.Grains.Matching;

public sealed class BuyerDemandsGrain(
    [PersistentState("buyer-demands", GrainStorage.Main)] IPersistentState<BuyerDemandsState> state) : Grain, IBuyerDemandsGrain
{
    public Task Upsert(DemandSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var current = state.State;
        if (current.Demands.TryGetValue(summary.DemandId, out var stored) && stored.Revision >= summary.Revision) return Task.CompletedTask;
        return state.CommitAsync(current with { Demands = current.Demands.SetItem(summary.DemandId, summary) });
    }

    public Task<IReadOnlyList<DemandSummary>> List() =>
        Task.FromResult<IReadOnlyList<DemandSummary>>(state.State.Demands.Values
            .OrderByDescending(d => d.PostedAt).ThenBy(d => d.DemandId, StringComparer.Ordinal).ToList());
}

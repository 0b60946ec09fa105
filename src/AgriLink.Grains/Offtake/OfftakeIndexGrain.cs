using AgriLink.Grains.Common;

namespace AgriLink.Grains.Offtake;

public sealed class OfftakeIndexGrain(
    [PersistentState("offtake-index", GrainStorage.Main)] IPersistentState<OfftakeIndexState> state) : Grain, IOfftakeIndexGrain
{
    public async Task Upsert(OfftakeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (state.State.Contracts.TryGetValue(summary.Id, out var existing) && existing == summary) return;
        var contracts = new Dictionary<string, OfftakeSummary>(state.State.Contracts, StringComparer.Ordinal) { [summary.Id] = summary };
        await state.CommitAsync(state.State with { Contracts = contracts });
    }

    /// <summary>Newest window first, then by id.</summary>
    public Task<IReadOnlyList<OfftakeSummary>> List() =>
        Task.FromResult<IReadOnlyList<OfftakeSummary>>(state.State.Contracts.Values
            .OrderByDescending(c => c.DeliveryStart).ThenBy(c => c.Id, StringComparer.Ordinal).ToList());
}

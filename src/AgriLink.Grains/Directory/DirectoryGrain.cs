using AgriLink.Grains.Common;

namespace AgriLink.Grains.Directory;

public sealed class DirectoryGrain(
    [PersistentState("directory", GrainStorage.Main)] IPersistentState<DirectoryState> state) : Grain, IDirectoryGrain
{
    public async Task Upsert(DirectoryEntry entry)
    {
        if (state.State.Entries.TryGetValue(entry.Id, out var existing) && existing == entry) return;
        var entries = new Dictionary<string, DirectoryEntry>(state.State.Entries, StringComparer.Ordinal) { [entry.Id] = entry };
        await state.CommitAsync(state.State with { Entries = entries });
    }

    public Task<IReadOnlyList<DirectoryEntry>> List() =>
        Task.FromResult<IReadOnlyList<DirectoryEntry>>(state.State.Entries.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList());

    public Task<int> Count() => Task.FromResult(state.State.Entries.Count);
}

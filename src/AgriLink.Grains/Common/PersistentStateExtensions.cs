using AgriLink.Grains.Live;
using AgriLink.Storage.Changes;

namespace AgriLink.Grains.Common;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Replaces the state with <paramref name="next"/> and writes it. If the write fails the grain
    /// keeps what the database has, never a value the database refused. (After a concurrency conflict
    /// Orleans also drops the activation, so the next call reads the row afresh.)
    /// </summary>
    public static async Task CommitAsync<T>(this IPersistentState<T> state, T next, StateChanges? changes = null)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await StagedChanges.WriteStateAsync(state, changes);
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }

    /// <summary>
    /// Like <see cref="CommitAsync{T}(IPersistentState{T}, T)"/>, with the events the change raises written into the outbox
    /// in the same transaction. <paramref name="events"/> runs with the state already set to <paramref name="next"/> and is
    /// given the number the write will carry; the written events are returned for the caller to publish as a wake-up.
    /// <paramref name="audit"/>, run likewise, gives the change's audit entry (see <see cref="AuditEntries"/>).
    /// </summary>
    public static async Task<IReadOnlyList<MarketEvent>> CommitAsync<T>(
        this IPersistentState<T> state, T next, Func<long, IReadOnlyList<MarketEvent>> events, Func<AuditRecord?>? audit = null)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            var raised = MarketEvents.NextSequence(state) is { } sequence ? events(sequence) : [];
            var changes = MarketEvents.Staged(raised);
            if (audit?.Invoke() is { } entry) (changes ??= new StateChanges()).Add(entry);
            await StagedChanges.WriteStateAsync(state, changes);
            return raised;
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }
}

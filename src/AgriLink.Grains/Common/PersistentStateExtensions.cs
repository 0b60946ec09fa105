using Orleans.Storage;

namespace AgriLink.Grains.Common;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Replaces the state with <paramref name="next"/> and writes it. If the write fails the grain
    /// keeps what the database has, never a value the database refused: the old state comes back,
    /// and after a concurrency conflict the current row is re-read so the next call starts fresh.
    /// </summary>
    public static async Task CommitAsync<T>(this IPersistentState<T> state, T next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            state.State = previous;
            await state.ReadStateAsync();
            throw;
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }
}

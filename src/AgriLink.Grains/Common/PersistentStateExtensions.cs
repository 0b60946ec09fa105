namespace AgriLink.Grains.Common;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Replaces the state with <paramref name="next"/> and writes it. If the write fails the grain
    /// keeps what the database has, never a value the database refused. (After a concurrency conflict
    /// Orleans also drops the activation, so the next call reads the row afresh.)
    /// </summary>
    public static async Task CommitAsync<T>(this IPersistentState<T> state, T next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }
}

namespace AgriLink.Storage.Changes;

/// <summary>
/// Hands a <see cref="StateChanges"/> to the grain storage for exactly one state write. Orleans' <see cref="IPersistentState{T}"/>
/// passes only the state to <see cref="Orleans.Storage.IGrainStorage"/>, so the changes travel in the call's async flow:
/// set around the one <c>WriteStateAsync</c> call here, read by the storage when that write begins, and gone after it.
/// </summary>
public static class StagedChanges
{
    private static readonly AsyncLocal<StateChanges?> Staged = new();

    /// <summary>The changes staged for the write now starting in this flow, if any.</summary>
    internal static StateChanges? Current => Staged.Value;

    /// <summary>Writes the state with <paramref name="changes"/> in the same transaction; nothing of either on failure.</summary>
    public static Task WriteStateAsync<T>(IPersistentState<T> state, StateChanges? changes)
    {
        ArgumentNullException.ThrowIfNull(state);
        return WithAsync(changes, state.WriteStateAsync);
    }

    /// <summary>Runs <paramref name="write"/>, one grain storage write or clear, with <paramref name="changes"/> staged for it.</summary>
    public static async Task WithAsync(StateChanges? changes, Func<Task> write)
    {
        if (changes is null || changes.IsEmpty)
        {
            await write();
            return;
        }

        var outer = Staged.Value;
        Staged.Value = changes;
        try
        {
            await write();
        }
        finally
        {
            Staged.Value = outer;
        }
    }
}

using Orleans.Storage;

namespace AgriLink.Storage.Changes;

/// <summary>
/// Derives the read rows of one kind of grain state (by state name). Rows are a function of the state alone, so every
/// write carries them and <c>rebuild-projections</c> can make them again from the stored states, row for row.
/// </summary>
public interface IStateProjector
{
    /// <summary>The <c>[PersistentState]</c> name whose rows this projector derives.</summary>
    string StateName { get; }

    /// <summary>The tables whose rows come from this state only (a rebuild empties them first).</summary>
    IReadOnlyList<ProjectionTable> Tables { get; }

    /// <summary>
    /// The writes that make the grain's rows match <paramref name="state"/>; null when the state was cleared. Returns
    /// nothing for a state of another type or one not yet registered.
    /// </summary>
    IEnumerable<ProjectionWrite> Project(string grainKey, object? state);

    /// <summary>Reads a stored payload as this projector's state type (for rebuilds).</summary>
    object Deserialize(IGrainStorageSerializer serializer, BinaryData payload);
}

/// <summary>The typed base every projector derives from.</summary>
public abstract class StateProjector<TState> : IStateProjector where TState : class
{
    public abstract string StateName { get; }

    public abstract IReadOnlyList<ProjectionTable> Tables { get; }

    /// <summary>The writes for a state (never null: a cleared state comes to <see cref="Cleared"/>).</summary>
    protected abstract IEnumerable<ProjectionWrite> Project(string grainKey, TState state);

    /// <summary>The writes for a cleared state: by default, the grain's rows go from every table (keyed by its first key column).</summary>
    protected virtual IEnumerable<ProjectionWrite> Cleared(string grainKey) => Tables.Select(t => t.DeleteWhere(t.Key[0], grainKey));

    public IEnumerable<ProjectionWrite> Project(string grainKey, object? state) => state switch
    {
        null => Cleared(grainKey),
        TState typed => Project(grainKey, typed),
        _ => [],
    };

    public object Deserialize(IGrainStorageSerializer serializer, BinaryData payload) =>
        serializer.Deserialize<TState>(payload) ?? throw new InvalidDataException($"A stored {StateName} state read as null.");
}

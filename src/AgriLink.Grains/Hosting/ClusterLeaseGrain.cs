using AgriLink.Grains.Common;

namespace AgriLink.Grains.Hosting;

/// <summary>Stored, so the lease outlives the silo that held the activation: a waiting node cannot take it early.</summary>
public sealed class ClusterLeaseGrain(
    [PersistentState("cluster-lease", GrainStorage.Main)] IPersistentState<ClusterLeaseState> state,
    TimeProvider clock) : Grain, IClusterLeaseGrain
{
    public async Task<bool> TryAcquire(string holder, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        var now = clock.GetUtcNow();
        if (state.State.Holder is { } current && current != holder && state.State.Until > now) return false;
        await state.CommitAsync(new ClusterLeaseState { Holder = holder, Until = now + duration });
        return true;
    }

    public async Task Release(string holder)
    {
        if (state.State.Holder == holder) await state.CommitAsync(new ClusterLeaseState());
    }
}

[GenerateSerializer, Alias("AgriLink.ClusterLeaseState")]
public sealed record ClusterLeaseState
{
    [Id(0)] public string? Holder { get; init; }
    [Id(1)] public DateTimeOffset Until { get; init; }
}

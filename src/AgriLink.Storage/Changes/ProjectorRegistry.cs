namespace AgriLink.Storage.Changes;

/// <summary>The projectors the host registered, by state name (one each), and the running totals kept over their rows.</summary>
public sealed class ProjectorRegistry
{
    private readonly Dictionary<string, IStateProjector> _byState;

    public ProjectorRegistry(IEnumerable<IStateProjector> projectors, IEnumerable<RunningTotals>? totals = null)
    {
        Totals = [.. totals ?? []];
        _byState = new(StringComparer.Ordinal);
        foreach (var projector in projectors)
        {
            if (!_byState.TryAdd(projector.StateName, projector))
                throw new InvalidOperationException($"Two projectors for the state '{projector.StateName}'.");
        }
    }

    public IReadOnlyCollection<IStateProjector> All => _byState.Values;

    public IReadOnlyList<RunningTotals> Totals { get; }

    public IStateProjector? For(string stateName) => _byState.GetValueOrDefault(stateName);
}

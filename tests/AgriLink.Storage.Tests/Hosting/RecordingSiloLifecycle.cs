using Orleans;
using Orleans.Runtime;

namespace AgriLink.Storage.Tests.Hosting;

/// <summary>Just enough of a silo lifecycle to start the participants registered in a container, in stage order.</summary>
internal sealed class RecordingSiloLifecycle : ISiloLifecycle
{
    private readonly List<(int Stage, ILifecycleObserver Observer)> _observers = [];

    public int HighestCompletedStage { get; private set; } = int.MinValue;

    public int LowestStoppedStage { get; private set; } = int.MaxValue;

    public IEnumerable<int> Stages => _observers.Select(o => o.Stage);

    public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
    {
        _observers.Add((stage, observer));
        return new NoOpSubscription();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (stage, observer) in _observers.OrderBy(o => o.Stage))
        {
            await observer.OnStart(cancellationToken);
            HighestCompletedStage = stage;
        }
    }

    private sealed class NoOpSubscription : IDisposable
    {
        public void Dispose()
        {
        }
    }
}

using System.Collections.Concurrent;
using Orleans.Runtime;

namespace AgriLink.Grains.Tests.Reminders;

/// <summary>Where a probe grain reports its deadline; the silos run in the test process, so a static is shared.</summary>
internal static class DeadlineSignals
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<SiloAddress>> Signals = new();

    public static TaskCompletionSource<SiloAddress> For(string probe) =>
        Signals.GetOrAdd(probe, _ => new TaskCompletionSource<SiloAddress>(TaskCreationOptions.RunContinuationsAsynchronously));
}

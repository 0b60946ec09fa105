using System.Diagnostics;

namespace AgriLink.Benchmarks;

/// <summary>
/// Peak memory of one stretch of the run. The process peak (<see cref="Process.PeakWorkingSet64"/>, Linux VmHWM) is
/// reset at <see cref="Start"/> through <c>/proc/self/clear_refs</c> so setup does not count; a sampler also records the
/// largest GC heap and working set seen every 20 ms, and the bytes allocated in between.
/// </summary>
public sealed class MemoryProbe : IDisposable
{
    private readonly Thread _sampler;
    private readonly long _allocatedAtStart;
    private readonly int[] _collectionsAtStart;
    private volatile bool _stop;
    private long _maxHeap;
    private long _maxWorkingSet;

    private MemoryProbe(bool peakReset)
    {
        PeakWasReset = peakReset;
        _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        _collectionsAtStart = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        _sampler = new Thread(Sample) { IsBackground = true, Name = "memory-probe", Priority = ThreadPriority.AboveNormal };
        _sampler.Start();
    }

    public bool PeakWasReset { get; }

    /// <summary>Collects garbage left by earlier work, resets the process peak where the OS allows, and starts sampling.</summary>
    public static MemoryProbe Start()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var reset = false;
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5"); // Linux ≥ 4.0: resets VmHWM to the current RSS
            reset = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
        }

        return new MemoryProbe(reset);
    }

    public MemoryReading Stop()
    {
        _stop = true;
        _sampler.Join();
        Sample(once: true);
        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        return new MemoryReading(
            PeakWorkingSetBytes: process.PeakWorkingSet64,
            PeakWasReset: PeakWasReset,
            MaxSampledWorkingSetBytes: Interlocked.Read(ref _maxWorkingSet),
            MaxSampledGcHeapBytes: Interlocked.Read(ref _maxHeap),
            AllocatedBytes: GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtStart,
            Gen0: GC.CollectionCount(0) - _collectionsAtStart[0],
            Gen1: GC.CollectionCount(1) - _collectionsAtStart[1],
            Gen2: GC.CollectionCount(2) - _collectionsAtStart[2],
            LastGcHeapSizeBytes: info.HeapSizeBytes,
            LastGcCommittedBytes: info.TotalCommittedBytes,
            PauseTimePercentage: info.PauseTimePercentage);
    }

    public void Dispose()
    {
        _stop = true;
        _sampler.Join();
    }

    private void Sample() => Sample(once: false);

    private void Sample(bool once)
    {
        do
        {
            Max(ref _maxHeap, GC.GetTotalMemory(forceFullCollection: false));
            Max(ref _maxWorkingSet, Environment.WorkingSet);
            if (once) return;
            Thread.Sleep(20);
        } while (!_stop);
    }

    private static void Max(ref long location, long value)
    {
        var seen = Interlocked.Read(ref location);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref location, value, seen);
            if (previous == seen) return;
            seen = previous;
        }
    }
}

public sealed record MemoryReading(
    long PeakWorkingSetBytes,
    bool PeakWasReset,
    long MaxSampledWorkingSetBytes,
    long MaxSampledGcHeapBytes,
    long AllocatedBytes,
    int Gen0,
    int Gen1,
    int Gen2,
    long LastGcHeapSizeBytes,
    long LastGcCommittedBytes,
    double PauseTimePercentage);

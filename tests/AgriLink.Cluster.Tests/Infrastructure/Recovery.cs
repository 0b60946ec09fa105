using System.Diagnostics;
using Xunit;

namespace AgriLink.Cluster.Tests.Infrastructure;

public static class Recovery
{
    /// <summary>
    /// Probes give up after this, so a call caught in flight by the kill (it waits for Orleans' 30 s response timeout)
    /// does not hide a recovery that came sooner: the next probe goes out on its own.
    /// </summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Kills <paramref name="silo"/> with SIGKILL, then calls <paramref name="probe"/> (a call on a grain that lived on it)
    /// until it succeeds; returns the time from the kill to that first success.
    /// </summary>
    public static async Task<TimeSpan> KillAndMeasureAsync(NodeProcess silo, Func<Task<bool>> probe)
    {
        await silo.KillAsync();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < AgriLinkCluster.Patience)
        {
            try
            {
                if (await probe()) return clock.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !TestServices.Ct.IsCancellationRequested)
            {
                // The web node's call failed with the silo: try again.
            }
            await Task.Delay(50, TestServices.Ct);
        }
        Assert.Fail($"No successful call within {AgriLinkCluster.Patience.TotalSeconds} s of killing {silo.Name}.");
        return clock.Elapsed;
    }

    public static void Report(string what, TimeSpan elapsed)
    {
        var line = $"RECOVERY {what}: {elapsed.TotalSeconds:F2} s from SIGKILL to the first successful call on the affected grain";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
    }
}

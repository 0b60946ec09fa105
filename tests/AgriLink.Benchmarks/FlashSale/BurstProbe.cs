using System.Diagnostics.Tracing;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Diagnostics.NETCore.Client;

namespace AgriLink.Benchmarks.FlashSale;

/// <summary>
/// What a server did during one burst, by its own counters: commits and rows written (SQLite's hooks, see
/// <see cref="AgriLink.Storage.StorageMetrics"/>) and bytes allocated. AgriLink.Web is read from its Prometheus
/// <c>/metrics</c>, the baseline from its <c>/stats</c>.
/// </summary>
public static class BurstProbe
{
    private const string Commits = "agrilink_storage_commits_total";
    private const string Rows = "agrilink_storage_rows_written_total";
    private const string Allocated = "dotnet_gc_heap_total_allocated_bytes_total";

    public static async Task<StorageCounts?> ReadSystemAsync(HttpClient client)
    {
        try
        {
            var text = await client.GetStringAsync("/metrics");
            long? Value(string name) => text.Split('\n')
                .Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l.Length == name.Length || l[name.Length] is ' ' or '{'))
                .Select(l => (long?)double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)).FirstOrDefault();
            return new StorageCounts(Value(Commits) ?? -1, Value(Rows) ?? -1, Value(Allocated) ?? -1);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public static async Task<StorageCounts?> ReadBaselineAsync(HttpClient client)
    {
        try
        {
            return await client.GetFromJsonAsync<StorageCounts>("/stats");
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}

/// <summary>
/// An EventPipe session on a server process for the length of one burst (<c>--trace DIR</c>): CPU samples (the
/// <c>Microsoft-DotNETCore-SampleProfiler</c> provider) and the runtime's default events (GC, contention, JIT, for
/// symbols), written to a <c>.nettrace</c> file as <c>dotnet-trace collect --profile cpu-sampling</c> would. Read it with
/// <c>dotnet-trace convert --format speedscope</c> and <c>tests/AgriLink.Benchmarks/trace-summary.py</c>.
/// </summary>
public sealed class TraceSession : IAsyncDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _copy;
    private readonly FileStream _file;

    private TraceSession(EventPipeSession session, FileStream file)
    {
        _session = session;
        _file = file;
        _copy = session.EventStream.CopyToAsync(file);
    }

    public static TraceSession Start(int pid, string path)
    {
        var client = new DiagnosticsClient(pid);
        var session = client.StartEventPipeSession(
        [
            new EventPipeProvider("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, 0x14C14FCCBD),
        ], requestRundown: true, circularBufferMB: 512);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new TraceSession(session, File.Create(path));
    }

    public async ValueTask DisposeAsync()
    {
        await _session.StopAsync(CancellationToken.None);
        await _copy;
        await _file.DisposeAsync();
        _session.Dispose();
    }
}

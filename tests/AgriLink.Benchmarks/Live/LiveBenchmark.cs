using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AgriLink.Benchmarks.FlashSale;

namespace AgriLink.Benchmarks.Live;

public sealed record LiveOptions(int Clients, int Rate, int Seconds, string Output);

/// <summary>
/// Issue 6's benchmark: <see cref="LiveOptions.Clients"/> WebSocket clients on loopback follow one listing while its stock
/// changes <see cref="LiveOptions.Rate"/> times a second for <see cref="LiveOptions.Seconds"/> s, through AgriLink (API →
/// listing grain → stored → market feed grain → web node's relay → SignalR group) and, in the same run, through
/// <see cref="LiveBaselineServer"/> (API → SignalR group). Latency runs from the moment the change's request is sent to
/// the moment a client has the event, so both sides include their HTTP request.
/// </summary>
public static class LiveBenchmark
{
    private const string ListingId = "lst-pzwalnut";

    public static async Task<LiveResult> RunAsync(LiveOptions options, Action<string> log)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"agrilink-live-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var result = new LiveResult(options, MachineInfo.Capture());
        try
        {
            var appArgs = FlashSaleBenchmark.AppArgs(folder, out var appUrl);
            // The benchmark's own sign-ins and its clients' joins are many from one address: lift the per-client bounds.
            appArgs.AddRange(["--AgriLink:SignInAttemptsPerMinute", "100000"]);
            log($"Starting AgriLink.Web on {appUrl} (data {folder}); first start seeds the demo");
            await using (var app = await ServerProcess.StartAsync(FlashSaleBenchmark.WebDll(), appArgs, "AgriLink is running.", FlashSaleBenchmark.Patience))
            {
                using var http = new HttpClient { BaseAddress = appUrl, Timeout = TimeSpan.FromMinutes(2) };
                await FlashSaleBenchmark.WaitReadyAsync(http);
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await FlashSaleBenchmark.LoginAsync(http, "coop.panzhou"));
                result.System = await RunOneAsync("AgriLink (Orleans grain → feed → relay → hub)", app, http, options, log);
            }

            var baselineUrl = new Uri($"http://127.0.0.1:{FlashSaleBenchmark.FreePort()}");
            log($"Starting the bare SignalR baseline on {baselineUrl}");
            await using (var baseline = await ServerProcess.StartAsync(typeof(LiveBaselineServer).Assembly.Location,
                ["live-baseline-server", "--urls", baselineUrl.ToString().TrimEnd('/')], LiveBaselineServer.ReadyLine, FlashSaleBenchmark.Patience))
            {
                using var http = new HttpClient { BaseAddress = baselineUrl, Timeout = TimeSpan.FromMinutes(2) };
                await FlashSaleBenchmark.WaitReadyAsync(http);
                result.Baseline = await RunOneAsync("Bare ASP.NET Core SignalR hub", baseline, http, options, log);
            }

            return result;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<LiveRun> RunOneAsync(string label, ServerProcess server, HttpClient http, LiveOptions options, Action<string> log)
    {
        var changes = options.Rate * options.Seconds;
        log($"{label}: connecting {options.Clients} clients");
        await using var audience = await LiveAudience.ConnectAsync(new Uri(http.BaseAddress!, "hubs/market"), $"listing:{ListingId}",
            options.Clients, changes, log);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var peakReset = server.ResetPeakMemory();

        log($"{label}: {changes} stock changes at {options.Rate}/s");
        // One change after another, each on its schedule (or at once when behind it): a stream of changes, as a
        // cooperative's stock moves. Overlapping requests would let the listing grain fold several changes into one
        // stored write and one event (correct, but then there is no per-change message to count).
        var sentAt = new long[changes];
        var refused = 0;
        string? firstRefusal = null;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < changes; i++)
        {
            var due = start + i * Stopwatch.Frequency / options.Rate;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            sentAt[i] = Stopwatch.GetTimestamp();
            using var response = await http.PutAsJsonAsync($"/api/listings/{ListingId}/stock", new { stock = LiveAudience.StockBase + i });
            if (response.IsSuccessStatusCode) continue;
            refused++;
            firstRefusal ??= $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        var sendSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var complete = await audience.WaitForAllAsync(TimeSpan.FromSeconds(20));
        var (latencies, last) = audience.Latencies(sentAt);
        var expected = (long)options.Clients * changes;
        var run = new LiveRun
        {
            Label = label,
            Changes = changes,
            Refused = refused,
            FirstRefusal = firstRefusal,
            Expected = expected,
            Delivered = latencies.LongLength,
            Duplicates = audience.Duplicates,
            Foreign = audience.Foreign,
            SendSeconds = sendSeconds,
            AchievedRate = changes / sendSeconds,
            DeliverySeconds = (last - start) / (double)Stopwatch.Frequency,
            P50Ms = RunResult.Percentile(latencies, 0.50),
            P99Ms = RunResult.Percentile(latencies, 0.99),
            MaxMs = latencies.Length == 0 ? 0 : latencies[^1],
            PeakMemoryBytes = peakReset ? server.PeakMemoryBytes() : 0,
        };
        log($"{label}: {run.Delivered:N0}/{expected:N0} delivered{(complete ? "" : " (gave up waiting)")}, " +
            $"{run.PerSecond:N0}/s, changes at {run.AchievedRate:F1}/s, p50 {run.P50Ms:F1} ms, p99 {run.P99Ms:F1} ms, max {run.MaxMs:F0} ms, refused {refused}");
        return run;
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgriLink.Benchmarks.FlashSale;

/// <summary>One burst against one server: what came back, how fast, and what was left.</summary>
public sealed class RunResult
{
    public required string ListingId { get; init; }
    public required int Requests { get; init; }
    public required int Accepted { get; init; }
    public required int Rejected { get; init; }
    public required int Other { get; init; }
    public string? FirstOther { get; init; }
    public required double ElapsedMs { get; init; }
    public required double P50Ms { get; init; }
    public required double P99Ms { get; init; }
    public required double AcceptedP99Ms { get; init; }
    public required double MaxMs { get; init; }
    public required long PeakMemoryBytes { get; init; }
    public decimal StockLeft { get; set; }
    public int? PersistedAfterKill { get; set; }

    /// <summary>The server's commits, rows written and bytes allocated during the burst (null when it could not be read).</summary>
    public StorageCounts? Counts { get; set; }

    /// <summary>/proc/loadavg right after the burst.</summary>
    public string LoadAverage { get; init; } = MachineInfo.LoadAverage();

    public double? CommitsPerAccepted => Counts is { Commits: >= 0 } c && Accepted > 0 ? (double)c.Commits / Accepted : null;
    public double? RowsPerAccepted => Counts is { RowsWritten: >= 0 } c && Accepted > 0 ? (double)c.RowsWritten / Accepted : null;
    public double? KiBPerRequest => Counts is { AllocatedBytes: >= 0 } c && Requests > 0 ? c.AllocatedBytes / 1024.0 / Requests : null;

    public string CountsText() => Counts is null ? "" : string.Create(CultureInfo.InvariantCulture,
        $", {Counts.Commits} commits ({CommitsPerAccepted:F2}/accepted), {Counts.RowsWritten} rows written ({RowsPerAccepted:F2}/accepted), {KiBPerRequest:F0} KiB allocated/request");
    public List<string> AcceptedOrderIds { get; } = [];

    public double AcceptedPerSecond => Accepted / (ElapsedMs / 1000.0);

    public static RunResult From(string listingId, IReadOnlyList<Shot> shots, TimeSpan elapsed, long peak)
    {
        var all = shots.Select(s => s.LatencyMs).Order().ToArray();
        var accepted = shots.Where(s => s.Status == HttpStatusCode.Created).Select(s => s.LatencyMs).Order().ToArray();
        var other = shots.Where(s => s.Status is not (HttpStatusCode.Created or HttpStatusCode.Conflict)).ToList();
        return new RunResult
        {
            ListingId = listingId,
            Requests = shots.Count,
            Accepted = accepted.Length,
            Rejected = shots.Count(s => s.Status == HttpStatusCode.Conflict),
            Other = other.Count,
            FirstOther = other.FirstOrDefault() is { } o ? $"{(int)o.Status} {o.Body[..Math.Min(300, o.Body.Length)]}" : null,
            ElapsedMs = elapsed.TotalMilliseconds,
            P50Ms = Percentile(all, 0.50),
            P99Ms = Percentile(all, 0.99),
            AcceptedP99Ms = Percentile(accepted, 0.99),
            MaxMs = all.Length == 0 ? 0 : all[^1],
            PeakMemoryBytes = peak,
        };
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

public sealed class FlashSaleResult(FlashSaleOptions options, MachineInfo machine)
{
    public const double TargetRatio = 2.0;
    public const double TargetP99Ms = 250;

    public FlashSaleOptions Options { get; } = options;

    /// <summary>What the baseline server does (on PostgreSQL it takes the atomic conditional UPDATE; see BaselineServer).</summary>
    public string BaselineName { get; init; } = "version-checked UPDATE loop";
    public MachineInfo Machine { get; } = machine;
    public List<RunResult> System { get; } = [];
    public List<RunResult> Baseline { get; } = [];
    public RunResult? CoreSystem { get; set; }
    public RunResult? CoreBaseline { get; set; }

    public double SystemMedianRate => Median(System.Select(r => r.AcceptedPerSecond));
    public double BaselineMedianRate => Median(Baseline.Select(r => r.AcceptedPerSecond));
    public double Ratio => SystemMedianRate / BaselineMedianRate;
    public double SystemP99Ms => Median(System.Select(r => r.P99Ms));
    public double BaselineP99Ms => Median(Baseline.Select(r => r.P99Ms));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public string Markdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(inv, $"# Flash-sale benchmark: {Options.Buyers:N0} buyers, stock {Options.Stock}, {Options.Rounds} rounds");
        s.AppendLine();
        s.AppendLine(inv, $"{Machine.StartedAt:yyyy-MM-dd HH:mm:ss} UTC · commit {Machine.Commit} · {Machine.Processors} cores · {Machine.Os} · {Machine.Runtime}");
        s.AppendLine();
        s.AppendLine(inv, $"| result | system (AgriLink.Web, POST /api/orders) | baseline ({BaselineName}) | target | met |");
        s.AppendLine("| --- | --- | --- | --- | --- |");
        s.AppendLine(inv, $"| accepted orders/s (median of rounds) | {SystemMedianRate:F0} | {BaselineMedianRate:F0} | | |");
        s.AppendLine(inv, $"| **ratio system / baseline** | **{Ratio:F2}×** | | ≥ {TargetRatio:F0}× | {(Ratio >= TargetRatio ? "yes" : "**NO**")} |");
        s.AppendLine(inv, $"| p99 latency, all requests (median of rounds) | {SystemP99Ms:F0} ms | {BaselineP99Ms:F0} ms | < {TargetP99Ms:F0} ms | {(SystemP99Ms < TargetP99Ms ? "yes" : "**NO**")} |");
        s.AppendLine(inv, $"| p50 latency (median of rounds) | {Median(System.Select(r => r.P50Ms)):F0} ms | {Median(Baseline.Select(r => r.P50Ms)):F0} ms | | |");
        s.AppendLine(inv, $"| peak memory of the server process (max of rounds) | {Format.Bytes(System.Max(r => r.PeakMemoryBytes))} | {Format.Bytes(Baseline.Max(r => r.PeakMemoryBytes))} | | |");
        s.AppendLine(inv, $"| oversold | {System.Sum(r => Math.Max(0, r.Accepted - Options.Stock))} | {Baseline.Sum(r => Math.Max(0, r.Accepted - Options.Stock))} | 0 | yes |");
        s.AppendLine(inv, $"| commits per accepted order (median of rounds) | {Median(System.Select(r => r.CommitsPerAccepted ?? double.NaN)):F2} | {Median(Baseline.Select(r => r.CommitsPerAccepted ?? double.NaN)):F2} | | |");
        s.AppendLine(inv, $"| rows written per accepted order (median of rounds) | {Median(System.Select(r => r.RowsPerAccepted ?? double.NaN)):F2} | {Median(Baseline.Select(r => r.RowsPerAccepted ?? double.NaN)):F2} | | |");
        s.AppendLine(inv, $"| KiB allocated per request (median of rounds) | {Median(System.Select(r => r.KiBPerRequest ?? double.NaN)):F0} | {Median(Baseline.Select(r => r.KiBPerRequest ?? double.NaN)):F0} | | |");
        if (System.All(r => r.PersistedAfterKill is null))
            s.AppendLine("| acknowledged orders found after kill -9 and restart | not checked in this run | | | |");
        else
            s.AppendLine(inv, $"| acknowledged orders found after kill -9 and restart | {System.Sum(r => r.PersistedAfterKill ?? 0)} of {System.Sum(r => r.Accepted)} | (checked by row count) | all | {(System.All(r => r.PersistedAfterKill == r.Accepted) ? "yes" : "**NO**")} |");
        s.AppendLine();
        s.AppendLine("| round | server | accepted | refused (409) | burst ms | accepted/s | p50 ms | p99 ms | p99 accepted ms | max ms | stock left | peak memory | commits | rows written | MiB allocated | load average after |");
        s.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (var i = 0; i < System.Count; i++)
        {
            foreach (var (name, r) in new[] { ("system", System[i]), ("baseline", Baseline.ElementAtOrDefault(i)) })
            {
                if (r is null) continue;
                s.AppendLine(inv, $"| {i + 1} | {name} | {r.Accepted} | {r.Rejected} | {r.ElapsedMs:F0} | {r.AcceptedPerSecond:F0} | {r.P50Ms:F0} | {r.P99Ms:F0} | {r.AcceptedP99Ms:F0} | {r.MaxMs:F0} | {r.StockLeft} | {Format.Bytes(r.PeakMemoryBytes)} | {r.Counts?.Commits} | {r.Counts?.RowsWritten} | {(r.Counts is { } c ? (c.AllocatedBytes / 1048576.0).ToString("F0", inv) : "")} | {r.LoadAverage} |");
            }
        }

        if (CoreSystem is { } cs && CoreBaseline is { } cb)
        {
            s.AppendLine();
            s.AppendLine("Without HTTP (the engines alone, one burst each, in-process): IOrderGrain.Place on a silo vs the UPDATE loop called directly.");
            s.AppendLine();
            s.AppendLine("| engine | accepted | refused | burst ms | accepted/s | p50 ms | p99 ms | ratio |");
            s.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            s.AppendLine(inv, $"| grains | {cs.Accepted} | {cs.Rejected} | {cs.ElapsedMs:F0} | {cs.AcceptedPerSecond:F0} | {cs.P50Ms:F0} | {cs.P99Ms:F0} | {cs.AcceptedPerSecond / cb.AcceptedPerSecond:F2}× |");
            s.AppendLine(inv, $"| UPDATE loop | {cb.Accepted} | {cb.Rejected} | {cb.ElapsedMs:F0} | {cb.AcceptedPerSecond:F0} | {cb.P50Ms:F0} | {cb.P99Ms:F0} | 1× |");
        }

        s.AppendLine();
        s.AppendLine("Accepted orders/s = orders answered 201 ÷ time from the gate opening to the last response (all requests, accepted or refused). " +
            "Latency is per request from the gate to its response; connections were opened beforehand by a warm-up burst. " +
            "Peak memory is the server process's VmHWM, reset before each burst. Commits and rows written are counted by SQLite's commit " +
            "and update hooks in each server process (AgriLink.Storage.StorageMetrics) over the burst, so they include any background " +
            "writes (outbox delivery, projections) that ran meanwhile; allocations are the server's GC total allocated bytes over the burst.");
        return s.ToString();
    }

    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"flash-sale-{Machine.StartedAt:yyyyMMdd-HHmmss}");
        File.WriteAllText(stem + ".md", Markdown());
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(new { Options, Machine, System, Baseline, CoreSystem, CoreBaseline, SystemMedianRate, BaselineMedianRate, Ratio },
            new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return stem + ".md";
    }
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgriLink.Benchmarks.Province;

/// <summary>The two provinces side by side, against issue 14's targets.</summary>
public sealed class ProvinceResult(ProvinceOptions options, MachineInfo machine)
{
    public const double WriteRatioTarget = 1.3;
    public const double ListP95TargetMs = 50;
    public const double DashboardP95TargetMs = 300;
    public const double DividendsP95TargetMs = 100;
    public const long MemoryTargetBytes = 1L << 30;

    public ProvinceOptions Options { get; } = options;
    public MachineInfo Machine { get; } = machine;
    public ProvinceRun? Small { get; set; }
    public ProvinceRun? Full { get; set; }

    /// <summary>Every target met (reported, and the exit code when asked for).</summary>
    public bool Met => Rows().All(r => r.Met != false) && Full is { } f && f.ServerPeakBytes < MemoryTargetBytes;

    public string Markdown()
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        var (small, full) = (Small!, Full!);
        s.AppendLine(c, $"# Province benchmark (issue 14): scale {Options.Scale:0.####} beside scale {Options.Scale / 100:0.######}, SQLite (embedded default)");
        s.AppendLine();
        s.AppendLine(c, $"{Machine.StartedAt:yyyy-MM-dd HH:mm:ss} UTC · commit {Machine.Commit} · {Machine.Processors} cores · {Machine.Os} · {Machine.Runtime}");
        s.AppendLine();
        s.AppendLine(c, $"- full: {full.Size.Label}");
        s.AppendLine(c, $"- small (1/100): {small.Size.Label}");
        s.AppendLine(c, $"- {Options.Samples} timed calls per figure after 5 untimed warm-up calls, one at a time, HTTP on loopback; p50/p95 nearest rank, in ms.");
        s.AppendLine();
        s.AppendLine("| measure | small p50 | small p95 | full p50 | full p95 | target | met |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var r in Rows())
        {
            s.AppendLine(c, $"| {r.Name} | {Cell(r.Small, r.Small?.P50Ms)} | {Cell(r.Small, r.Small?.P95Ms)} | {Cell(r.Full, r.Full.P50Ms)} | {Cell(r.Full, r.Full.P95Ms)} | {r.Target} | {(r.Met switch { true => "yes", false => "**NO**", null => "" })} |");
        }

        s.AppendLine();
        s.AppendLine("| measure | small | full | target | met |");
        s.AppendLine("| --- | ---: | ---: | --- | --- |");
        s.AppendLine(c, $"| peak memory of the server process (VmHWM, whole life) | {Format.Bytes(small.ServerPeakBytes)} | {Format.Bytes(full.ServerPeakBytes)} | < 1 GiB | {(full.ServerPeakBytes < MemoryTargetBytes ? "yes" : "**NO**")} |");
        s.AppendLine(c, $"| … of which before the operator dashboard (timed last) | {Format.Bytes(small.ServerPeakBeforeDashboardBytes)} | {Format.Bytes(full.ServerPeakBeforeDashboardBytes)} | | |");
        s.AppendLine(c, $"| database on disk (agrilink.db + WAL) | {Format.Bytes(small.DatabaseBytes + small.WalBytes)} | {Format.Bytes(full.DatabaseBytes + full.WalBytes)} | | |");
        s.AppendLine(c, $"| `rebuild-projections` (own process, wall time) | {small.RebuildSeconds:F1} s | {full.RebuildSeconds:F1} s | | |");
        s.AppendLine(c, $"| peak memory of `rebuild-projections` (sampled VmHWM) | {Format.Bytes(small.RebuildPeakBytes)} | {Format.Bytes(full.RebuildPeakBytes)} | | |");
        s.AppendLine(c, $"| app start on the generated data (to /health/ready) | {small.StartSeconds:F1} s | {full.StartSeconds:F1} s | | |");
        s.AppendLine();

        s.AppendLine("Notes on the figures:");
        s.AppendLine();
        foreach (var r in Rows().Where(r => r.Full.Note.Length > 0 || r.Small?.Note.Length > 0))
            s.AppendLine(c, $"- {r.Name}: small: {(r.Small?.Note is { Length: > 0 } n ? n : "-")}; full: {(r.Full.Note.Length > 0 ? r.Full.Note : "-")}");
        foreach (var (label, t) in Rows().SelectMany(r => new[] { ("small", r.Small), ("full", r.Full) }).Where(x => x.Item2?.Failure is not null))
            s.AppendLine(c, $"- **FAILED** ({label}) {t!.Name}: {t.Failure}");
        s.AppendLine("- Writes: each call hits another generated grain picked at random (a listing, a cooperative's trade), so most calls activate a grain from storage; the household is new each time.");
        s.AppendLine(c, $"- The server runs with DOTNET_GCHeapHardLimit = {Format.Bytes(ProvinceBenchmark.ServerHeapLimitBytes)}, a safety net for the shared machine (the dashboard once read the whole province into memory; it reads county totals now).");
        s.AppendLine("- Not generated: declared dividends of the generated cooperatives, share registers, invoices, search documents, outbox events (see README).");
        s.AppendLine();

        foreach (var run in new[] { small, full })
        {
            s.AppendLine(c, $"## Setup: {run.Size.Label}");
            s.AppendLine();
            s.AppendLine("| step | value |");
            s.AppendLine("| --- | ---: |");
            foreach (var (step, seconds) in run.Setup) s.AppendLine(c, $"| {step} | {seconds:F1} s |");
            foreach (var (name, rows) in run.RowsWritten.OrderBy(r => r.Key, StringComparer.Ordinal)) s.AppendLine(c, $"| rows written: {name} | {rows:N0} |");
            s.AppendLine(c, $"| rebuild-projections | {run.RebuildSeconds:F1} s: {run.RebuildSummary} |");
            foreach (var (when, load) in run.Load) s.AppendLine(c, $"| /proc/loadavg {when} | {load} |");
            s.AppendLine();
        }

        return s.ToString();
    }

    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"province-{Machine.StartedAt:yyyyMMdd-HHmmss}-{Options.Scale:0.####}"));
        File.WriteAllText(stem + ".md", Markdown());
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(new { Options, Machine, Small, Full, Met },
            new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        return stem + ".md";
    }

    private static string Cell(ProvinceTiming? timing, double? value) => timing?.Failure is not null ? "failed" : Ms(value);

    private static string Ms(double? value) => value is { } v && !double.IsNaN(v) ? v.ToString("F1", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>The timings paired by position (both runs make the same calls in the same order), each with its target.</summary>
    private IEnumerable<(string Name, ProvinceTiming? Small, ProvinceTiming Full, string Target, bool? Met)> Rows() =>
        TargetRows().Select(r => r.Full.Failure is not null || r.Small?.Failure is not null ? r with { Met = false } : r);

    private IEnumerable<(string Name, ProvinceTiming? Small, ProvinceTiming Full, string Target, bool? Met)> TargetRows()
    {
        if (Full is null) yield break;
        for (var i = 0; i < Full.Timings.Count; i++)
        {
            var full = Full.Timings[i];
            var small = Small?.Timings.ElementAtOrDefault(i);
            if (full.Name.StartsWith("write:", StringComparison.Ordinal) && small is not null)
            {
                var p50 = full.P50Ms / small.P50Ms;
                var p95 = full.P95Ms / small.P95Ms;
                yield return (full.Name, small, full, string.Create(CultureInfo.InvariantCulture, $"≤ {WriteRatioTarget}× small: p50 {p50:F2}×, p95 {p95:F2}×"),
                    p50 <= WriteRatioTarget && p95 <= WriteRatioTarget);
            }
            else if (full.Name.StartsWith("list:", StringComparison.Ordinal))
            {
                yield return (full.Name, small, full, $"p95 ≤ {ListP95TargetMs} ms", full.Samples == 0 ? null : full.P95Ms <= ListP95TargetMs);
            }
            else if (full.Name.Contains("dashboard", StringComparison.Ordinal))
            {
                yield return (full.Name, small, full, $"p95 ≤ {DashboardP95TargetMs} ms", full.P95Ms <= DashboardP95TargetMs);
            }
            else if (full.Name.Contains("dividends", StringComparison.Ordinal))
            {
                yield return (full.Name, small, full, $"p95 ≤ {DividendsP95TargetMs} ms", full.P95Ms <= DividendsP95TargetMs);
            }
            else
            {
                yield return (full.Name, small, full, "", null);
            }
        }
    }
}

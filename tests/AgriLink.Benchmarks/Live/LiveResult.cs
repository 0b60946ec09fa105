using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AgriLink.Benchmarks.Live;

public sealed class LiveRun
{
    public required string Label { get; init; }
    public required int Changes { get; init; }
    public required int Refused { get; init; }
    public string? FirstRefusal { get; init; }
    public required long Expected { get; init; }
    public required long Delivered { get; init; }
    public required long Duplicates { get; init; }
    public required long Foreign { get; init; }
    public required double SendSeconds { get; init; }
    /// <summary>Changes per second actually sent: below the asked rate when a change took longer than its slot.</summary>
    public required double AchievedRate { get; init; }
    /// <summary>From the first change sent to the last delivery.</summary>
    public required double DeliverySeconds { get; init; }
    public required double P50Ms { get; init; }
    public required double P99Ms { get; init; }
    public required double MaxMs { get; init; }
    public required long PeakMemoryBytes { get; init; }

    public long Lost => Expected - Delivered;

    public double PerSecond => DeliverySeconds > 0 ? Delivered / DeliverySeconds : 0;
}

public sealed class LiveResult(LiveOptions options, MachineInfo machine)
{
    public const double P99TargetMs = 500;
    public const double ThroughputTarget = 0.8;

    public LiveOptions Options { get; } = options;
    public MachineInfo Machine { get; } = machine;
    public LiveRun? System { get; set; }
    public LiveRun? Baseline { get; set; }

    /// <summary>AgriLink's delivered messages per second over the baseline's.</summary>
    public double ThroughputRatio => System is { } s && Baseline is { PerSecond: > 0 } b ? s.PerSecond / b.PerSecond : double.NaN;

    public string Markdown()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"# Live updates: {Options.Clients:N0} clients, {Options.Rate} changes/s for {Options.Seconds} s");
        text.AppendLine();
        text.AppendLine(c, $"Machine: {Machine.Processors} cores, {Machine.Os}, {Machine.Runtime}, commit {Machine.Commit}, {Machine.StartedAt:u}");
        text.AppendLine();
        text.AppendLine("| run | changes/s sent | delivered | lost | duplicates | msgs/s | p50 ms | p99 ms | max ms | refused changes | server peak MiB |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in new[] { System, Baseline }.OfType<LiveRun>())
            text.AppendLine(c, $"| {run.Label} | {run.AchievedRate:F1} | {run.Delivered:N0} / {run.Expected:N0} | {run.Lost:N0} | {run.Duplicates:N0} | {run.PerSecond:N0} | {run.P50Ms:F1} | {run.P99Ms:F1} | {run.MaxMs:F0} | {run.Refused} | {run.PeakMemoryBytes / 1048576.0:F0} |");
        text.AppendLine();
        if (System is { } s)
        {
            text.AppendLine(c, $"- Throughput ratio (AgriLink / baseline): **{ThroughputRatio:F2}×** (target ≥ {ThroughputTarget}×): {(ThroughputRatio >= ThroughputTarget ? "met" : "NOT met")}");
            text.AppendLine(c, $"- AgriLink p99 delivery latency: **{s.P99Ms:F0} ms** (target < {P99TargetMs} ms): {(s.P99Ms < P99TargetMs ? "met" : "NOT met")}");
            text.AppendLine(c, $"- Lost messages: **{s.Lost:N0}** (target 0): {(s.Lost == 0 ? "met" : "NOT met")}");
            if (s.FirstRefusal is { } why) text.AppendLine(c, $"- First refused change: {why}");
        }

        return text.ToString();
    }

    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"live-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Options.Clients}");
        File.WriteAllText(stem + ".md", Markdown());
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true, NumberHandling = global::System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        return stem + ".md";
    }
}

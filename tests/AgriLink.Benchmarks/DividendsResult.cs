using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime;

namespace AgriLink.Benchmarks;

/// <summary>Everything one run measured, for the console table and the files in artifacts/benchmarks.</summary>
public sealed class DividendsResult
{
    public const double TargetRatio = 3.0;
    public const long TargetPeakBytes = 1L << 30;

    public int Shareholders { get; init; }
    public string TradeSeeding { get; init; } = "";
    public MachineInfo Machine { get; init; } = null!;
    public string DataFolder { get; init; } = "";
    public List<(string When, string LoadAverage)> Load { get; } = [];
    public List<(string Step, TimeSpan Elapsed)> Setup { get; } = [];
    public List<(string Name, TimeSpan Elapsed)> PhasesA { get; } = [];
    public TimeSpan RunA { get; set; }
    public MemoryReading? MemoryA { get; set; }
    public List<TimeSpan> RunsB { get; } = [];
    public int Holdings { get; set; }
    public int Lines { get; set; }
    public long LedgerTransfers { get; set; }
    public long LedgerPostings { get; set; }
    public long TotalPaidFen { get; set; }
    public string Verification { get; set; } = "";
    public long SystemDatabaseBytes { get; set; }
    public long BaselineDatabaseBytes { get; set; }
    public long ProcessPeakWorkingSetBytes { get; set; }
    public TimeSpan? TradeRecordEstimate { get; set; }
    public List<(string Name, string Value, string Note)> Probes { get; } = [];

    public TimeSpan BaselineMedian => RunsB.Count == 0 ? TimeSpan.Zero : RunsB.Order().ElementAt(RunsB.Count / 2);
    public TimeSpan BaselineBest => RunsB.Count == 0 ? TimeSpan.Zero : RunsB.Min();
    public double Ratio => BaselineMedian > TimeSpan.Zero ? RunA / BaselineMedian : double.NaN;
    public bool RatioMet => Ratio <= TargetRatio;
    public bool MemoryMet => MemoryA is { } m && m.PeakWorkingSetBytes < TargetPeakBytes;
}

public sealed record MachineInfo(
    string Host, int Processors, string Os, string Runtime, string Gc, string Commit, DateTimeOffset StartedAt)
{
    public static MachineInfo Capture() => new(
        Environment.MachineName,
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        $"{(GCSettings.IsServerGC ? "server" : "workstation")}, {GCSettings.LatencyMode}",
        GitCommit(),
        DateTimeOffset.UtcNow);

    /// <summary>/proc/loadavg: the 1, 5 and 15 minute load averages, runnable/total tasks.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return string.Join(' ', parts.Take(4));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string GitCommit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "describe --always --dirty")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (git is null) return "n/a";
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : "n/a";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "n/a";
        }
    }
}

public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F3", Invariant) + " s";

    public static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? t.TotalHours.ToString("F1", Invariant) + " h"
        : t.TotalMinutes >= 1 ? t.TotalMinutes.ToString("F1", Invariant) + " min"
        : Seconds(t);

    public static string Bytes(long bytes) =>
        bytes >= 1L << 30 ? (bytes / (double)(1L << 30)).ToString("F2", Invariant) + " GiB"
        : bytes >= 1L << 20 ? (bytes / (double)(1L << 20)).ToString("F1", Invariant) + " MiB"
        : bytes >= 1L << 10 ? (bytes / 1024.0).ToString("F1", Invariant) + " KiB"
        : bytes.ToString(Invariant) + " B";

    public static string Yuan(long fen) => "¥" + (fen / 100m).ToString("N2", Invariant);
}

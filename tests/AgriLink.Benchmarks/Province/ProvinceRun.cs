namespace AgriLink.Benchmarks.Province;

/// <summary>Everything measured on one province (the full one or the 1/100 one): setup, rebuild, timings, memory, disk.</summary>
public sealed class ProvinceRun(ProvinceSize size)
{
    public ProvinceSize Size { get; } = size;
    /// <summary>Untimed setup steps in order, in seconds.</summary>
    public Dictionary<string, double> Setup { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> RowsWritten { get; set; } = [];
    public double RebuildSeconds { get; set; }
    public string RebuildSummary { get; set; } = "";
    public long RebuildPeakBytes { get; set; }
    public double StartSeconds { get; set; }
    public long DatabaseBytes { get; set; }
    public long WalBytes { get; set; }
    /// <summary>The server's VmHWM over its whole life: start, warm-up and every timed call.</summary>
    public long ServerPeakBytes { get; set; }
    public long ServerPeakBeforeDashboardBytes { get; set; }
    public List<ProvinceTiming> Timings { get; set; } = [];
    /// <summary>/proc/loadavg at each step, in order.</summary>
    public Dictionary<string, string> Load { get; } = new(StringComparer.Ordinal);
}

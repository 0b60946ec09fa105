using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AgriLink.Benchmarks.FlashSale;

namespace AgriLink.Benchmarks.Cluster;

/// <summary>One topology's runs: the flash sale with its baseline, the dividend payment with its baseline.</summary>
public sealed class TopologyResult(int silos)
{
    public int Silos { get; } = silos;
    public FlashSaleResult? FlashSale { get; set; }
    public TimeSpan Pay { get; set; }
    public List<TimeSpan> PayBaselines { get; } = [];
    public string? Verification { get; set; }
    public string? LoadAtStart { get; set; }
    public string? LoadBeforePay { get; set; }
    public string? LoadAtEnd { get; set; }

    public TimeSpan PayBaseline => PayBaselines.Order().ElementAt(PayBaselines.Count / 2);
    public double PayRatio => Pay / PayBaseline;
}

public sealed class ClusterResult(ClusterOptions options, MachineInfo machine)
{
    public ClusterOptions Options { get; } = options;
    public MachineInfo Machine { get; } = machine;
    public List<TopologyResult> Topologies { get; } = [];

    public string Markdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(inv, $"# Cluster benchmark (PostgreSQL + Redis): flash sale of {Options.Buyers:N0} buyers / stock {Options.Stock} × {Options.Rounds} rounds, dividend to {Options.Shareholders:N0} shareholders");
        s.AppendLine();
        s.AppendLine(inv, $"{Machine.StartedAt:yyyy-MM-dd HH:mm:ss} UTC · commit {Machine.Commit} · {Machine.Processors} cores · {Machine.Os} · {Machine.Runtime}");
        s.AppendLine();
        s.AppendLine("| silos | flash sale accepted/s (median) | baseline accepted/s | ratio | p99 ms | baseline p99 ms | dividend pay | ledger baseline (median of 3) | ratio | load avg (start / before pay / end) |");
        s.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var t in Topologies)
        {
            var f = t.FlashSale!;
            s.AppendLine(inv, $"| {t.Silos} | {f.SystemMedianRate:F0} | {f.BaselineMedianRate:F0} | {f.Ratio:F2}× | {f.SystemP99Ms:F0} | {f.BaselineP99Ms:F0} | " +
                              $"{Format.Seconds(t.Pay)} | {Format.Seconds(t.PayBaseline)} | {t.PayRatio:F2}× | {t.LoadAtStart} / {t.LoadBeforePay} / {t.LoadAtEnd} |");
        }

        if (Topologies.Count >= 2)
        {
            var one = Topologies[0];
            var two = Topologies[^1];
            s.AppendLine();
            s.AppendLine(inv, $"Scaling from {one.Silos} to {two.Silos} silos: flash sale {two.FlashSale!.SystemMedianRate / one.FlashSale!.SystemMedianRate:F2}× the accepted orders/s, " +
                              $"dividend payment {one.Pay / two.Pay:F2}× the speed (above 1 is faster).");
        }

        foreach (var t in Topologies)
        {
            s.AppendLine();
            s.AppendLine(inv, $"## {t.Silos} silo(s)");
            s.AppendLine();
            s.AppendLine(inv, $"Dividend verification: {t.Verification}");
            s.AppendLine();
            s.AppendLine(t.FlashSale!.Markdown().Replace("# Flash-sale benchmark", "### Flash sale", StringComparison.Ordinal));
        }

        return s.ToString();
    }

    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"cluster-{Machine.StartedAt:yyyyMMdd-HHmmss}");
        File.WriteAllText(stem + ".md", Markdown());
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(new
            {
                Options = Options with { Postgres = "(hidden)" }, Machine,
                Topologies = Topologies.Select(t => new
                {
                    t.Silos, FlashSystem = t.FlashSale!.System, FlashBaseline = t.FlashSale.Baseline, t.FlashSale.Ratio,
                    PaySeconds = t.Pay.TotalSeconds, PayBaselineSeconds = t.PayBaselines.Select(b => b.TotalSeconds), t.PayRatio, t.Verification,
                    t.LoadAtStart, t.LoadBeforePay, t.LoadAtEnd,
                }),
            },
            new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return stem + ".md";
    }
}

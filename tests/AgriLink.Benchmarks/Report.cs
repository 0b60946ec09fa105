using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgriLink.Benchmarks;

/// <summary>One report, printed to the console and written as markdown and JSON to artifacts/benchmarks.</summary>
public static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public const string BaselineInterpretation =
        "Baseline (run B): the issue's \"one bulk insert of n balanced ledger rows in a single transaction on the same database\" " +
        "is read as n balanced two-posting transfers (dividends payable → the holder's dividends account, the system run's own " +
        "keys, memos and amounts) written with raw SQL into the AgriLink ledger schema (AgriLinkDatabase.EnsureSchemaAsync: same " +
        "tables, indexes, CHECKs, triggers) of a fresh SQLite file in the same folder, through a connection opened with the " +
        "same pragmas (WAL, synchronous=FULL), in ONE BEGIN IMMEDIATE transaction with two prepared INSERTs reused for every " +
        "row (per transfer: INSERT … RETURNING id into ledger_transfer, two INSERTs into ledger_posting). Schema creation is " +
        "not timed. The ratio uses the median of the baseline runs.";

    public const string SystemInterpretation =
        "System (run A): IDividendDeclarationGrain Prepare → Approve (a second admin) → Publicise (a 7-day notice from today) → " +
        "Pay, called through the co-hosted silo's client, grain state and ledger in one SQLite file. Between Publicise and Pay the " +
        "silo's TimeProvider is moved past the end of the notice (instant, not timed). Setup (members, register, trade) is not timed.";

    public static string Markdown(DividendsResult r)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"# Dividends benchmark: {r.Shareholders:N0} shareholders, SQLite");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"{r.Machine.StartedAt:yyyy-MM-dd HH:mm:ss} UTC · commit {r.Machine.Commit} · {r.Machine.Processors} cores · {r.Machine.Os} · {r.Machine.Runtime} · GC {r.Machine.Gc}");
        s.AppendLine();
        Table(s, ["result", "value", "target", "met"],
        [
            ["run A: system (prepare+approve+publicise+pay)", Format.Seconds(r.RunA), "", ""],
            [$"run B: baseline bulk insert (median of {r.RunsB.Count})", Format.Seconds(r.BaselineMedian),
                "", ""],
            ["**ratio A / B**", $"**{r.Ratio.ToString("F2", Invariant)}×**", $"≤ {DividendsResult.TargetRatio:F0}×", r.RatioMet ? "yes" : "**NO**"],
            ["ratio A / best B", (r.RunA / r.BaselineBest).ToString("F2", Invariant) + "×", "", ""],
            ["peak working set during run A (VmHWM" + (r.MemoryA?.PeakWasReset == true ? ", reset before A)" : ", whole process)"),
                Format.Bytes(r.MemoryA?.PeakWorkingSetBytes ?? 0), "< 1 GiB", r.MemoryMet ? "yes" : "**NO**"],
            ["peak working set, whole process (setup included)", Format.Bytes(r.ProcessPeakWorkingSetBytes), "", ""],
        ]);
        s.AppendLine();

        s.AppendLine("## Run A phases");
        s.AppendLine();
        var phases = r.PhasesA.Select(p => new[]
        {
            p.Name, Format.Seconds(p.Elapsed), (p.Elapsed / r.RunA * 100).ToString("F1", Invariant) + "%",
            p.Elapsed > BenchmarkSilo.DefaultResponseTimeout ? "**over Orleans' default 30 s response timeout**" : "",
        }).ToList();
        phases.Add(["total", Format.Seconds(r.RunA), "100%", ""]);
        Table(s, ["phase", "wall time", "share", "note"], phases);
        s.AppendLine();

        s.AppendLine("## Run B (baseline)");
        s.AppendLine();
        Table(s, ["run", "wall time"], r.RunsB.Select((b, i) => new[] { $"#{i + 1}", Format.Seconds(b) }).ToList());
        s.AppendLine();

        if (r.MemoryA is { } m)
        {
            s.AppendLine("## Memory during run A");
            s.AppendLine();
            Table(s, ["measure", "value"],
            [
                ["Process.PeakWorkingSet64 (VmHWM)" + (m.PeakWasReset ? ", reset after setup" : ""), Format.Bytes(m.PeakWorkingSetBytes)],
                ["max sampled working set (20 ms)", Format.Bytes(m.MaxSampledWorkingSetBytes)],
                ["max sampled GC heap (GC.GetTotalMemory)", Format.Bytes(m.MaxSampledGcHeapBytes)],
                ["allocated during run A (GC.GetTotalAllocatedBytes)", Format.Bytes(m.AllocatedBytes)],
                ["collections gen0 / gen1 / gen2", $"{m.Gen0} / {m.Gen1} / {m.Gen2}"],
                ["last GC: heap size / committed", $"{Format.Bytes(m.LastGcHeapSizeBytes)} / {Format.Bytes(m.LastGcCommittedBytes)}"],
                ["GC pause time", m.PauseTimePercentage.ToString("F1", Invariant) + "%"],
            ]);
            s.AppendLine();
        }

        s.AppendLine("## Machine load (/proc/loadavg: 1, 5, 15 min, runnable/total)");
        s.AppendLine();
        Table(s, ["when", "load average"], r.Load.Select(l => new[] { l.When, l.LoadAverage }).ToList());
        s.AppendLine();

        s.AppendLine("## Data");
        s.AppendLine();
        Table(s, ["", ""],
        [
            ["shareholders (individual farmer members)", r.Shareholders.ToString("N0", Invariant)],
            ["holdings (land rights with parcels, cash)", r.Holdings.ToString("N0", Invariant)],
            ["dividend lines (shareholders + the village collective's fees)", r.Lines.ToString("N0", Invariant)],
            ["ledger transfers / postings written by Pay", $"{r.LedgerTransfers:N0} / {r.LedgerPostings:N0}"],
            ["total paid", Format.Yuan(r.TotalPaidFen)],
            ["member trade recorded by", r.TradeSeeding],
            ["system database (file + WAL) / one baseline database", $"{Format.Bytes(r.SystemDatabaseBytes)} / {Format.Bytes(r.BaselineDatabaseBytes)}"],
            ["verification", r.Verification],
        ]);
        s.AppendLine();

        s.AppendLine("## Setup (untimed)");
        s.AppendLine();
        Table(s, ["step", "wall time"], r.Setup.Select(x => new[] { x.Step, Format.Seconds(x.Elapsed) }).ToList());
        s.AppendLine();

        if (r.Probes.Count > 0)
        {
            s.AppendLine("## Where the time goes (probes, run after A on the same data)");
            s.AppendLine();
            Table(s, ["probe", "measured", "note"], r.Probes.Select(p => new[] { p.Name, p.Value, p.Note }).ToList());
            s.AppendLine();
        }

        s.AppendLine("## Method");
        s.AppendLine();
        s.AppendLine(SystemInterpretation);
        s.AppendLine();
        s.AppendLine(BaselineInterpretation);
        return s.ToString();
    }

    public static string Json(DividendsResult r)
    {
        var document = new
        {
            benchmark = "dividends",
            engine = "sqlite",
            r.Shareholders,
            r.Holdings,
            r.Lines,
            tradeSeeding = r.TradeSeeding,
            runASeconds = r.RunA.TotalSeconds,
            phasesSeconds = r.PhasesA.ToDictionary(p => p.Name, p => p.Elapsed.TotalSeconds),
            runBSeconds = r.RunsB.Select(b => b.TotalSeconds).ToArray(),
            runBMedianSeconds = r.BaselineMedian.TotalSeconds,
            ratio = r.Ratio,
            targetRatio = DividendsResult.TargetRatio,
            ratioMet = r.RatioMet,
            memory = r.MemoryA,
            peakWorkingSetTargetBytes = DividendsResult.TargetPeakBytes,
            memoryMet = r.MemoryMet,
            processPeakWorkingSetBytes = r.ProcessPeakWorkingSetBytes,
            load = r.Load.Select(l => new { when = l.When, loadavg = l.LoadAverage }).ToArray(),
            setupSeconds = r.Setup.Select(x => new { step = x.Step, seconds = x.Elapsed.TotalSeconds }).ToArray(),
            probes = r.Probes.Select(p => new { name = p.Name, value = p.Value, note = p.Note }).ToArray(),
            ledger = new { transfers = r.LedgerTransfers, postings = r.LedgerPostings, totalPaidFen = r.TotalPaidFen },
            databaseBytes = new { system = r.SystemDatabaseBytes, baseline = r.BaselineDatabaseBytes },
            verification = r.Verification,
            machine = r.Machine,
            method = new { system = SystemInterpretation, baseline = BaselineInterpretation },
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    /// <summary>Writes dividends-&lt;timestamp&gt;.md and .json; returns the markdown's path.</summary>
    public static string Write(DividendsResult r, string folder)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"dividends-{r.Machine.StartedAt:yyyyMMdd-HHmmss}-{r.Shareholders}");
        File.WriteAllText(stem + ".md", Markdown(r));
        File.WriteAllText(stem + ".json", Json(r));
        return stem + ".md";
    }

    private static void Table(StringBuilder s, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(Width(h), rows.Count == 0 ? 0 : rows.Max(r => Width(r[i])))).ToArray();
        void Row(string[] cells) =>
            s.Append("| ").AppendJoin(" | ", cells.Select((c, i) => c + new string(' ', widths[i] - Width(c)))).AppendLine(" |");
        Row(header);
        s.Append('|').AppendJoin('|', widths.Select(w => new string('-', w + 2))).AppendLine("|");
        foreach (var row in rows) Row(row);
    }

    /// <summary>Display width: CJK and full-width characters take two columns in a terminal.</summary>
    private static int Width(string text) => text.Sum(c => c is >= '\u1100' and (<= '\u115F' or >= '\u2E80') and <= '\uFFDC' and not (>= '\uD800' and <= '\uDFFF') ? 2 : 1);
}

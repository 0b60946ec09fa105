using System.Diagnostics;
using System.Globalization;
using AgriLink.Benchmarks.FlashSale;

namespace AgriLink.Benchmarks.Province;

/// <summary>
/// Issue 14: a province on the embedded default (SQLite), and beside it, in the same run, the same province at 1/100.
/// Each gets its own data folder: the app seeds the demo on first start and is stopped, the province's grain states are
/// written in bulk (<see cref="ProvinceGenerator"/>), <c>rebuild-projections</c> fills the read models (timed), and the
/// app is started again as its own process for the timed HTTP calls (<see cref="ProvinceProbe"/>).
/// The 1/100 province runs first: it is quick, and a broken setup fails before the long one starts.
/// </summary>
public static class ProvinceBenchmark
{
    private const string ReadyLine = "AgriLink is running.";

    /// <summary>
    /// A safety net, not a setting under test: the operator dashboard once read the whole province into memory (2 GiB at
    /// scale 0.1; it reads county totals now), and on a shared machine without swap an unbounded server could take other
    /// people's processes down with it. Far above the 1 GiB target, so it changes nothing that meets the target.
    /// </summary>
    public const long ServerHeapLimitBytes = 6L << 30;

    private static readonly Dictionary<string, string> ServerEnvironment = new(StringComparer.Ordinal)
    {
        ["DOTNET_GCHeapHardLimit"] = ServerHeapLimitBytes.ToString("X", CultureInfo.InvariantCulture),
    };

    public static async Task<ProvinceResult> RunAsync(ProvinceOptions options, Action<string> log)
    {
        var root = options.Data ?? Path.Combine(Path.GetTempPath(), $"agrilink-province-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var result = new ProvinceResult(options, MachineInfo.Capture());
        try
        {
            result.Small = await RunOneAsync(ProvinceSize.At(options.Scale / 100), Path.Combine(root, "small"), options.BasePort, options, log);
            result.Full = await RunOneAsync(ProvinceSize.At(options.Scale), Path.Combine(root, "full"), options.BasePort + 10, options, log);
            return result;
        }
        finally
        {
            if (!options.Keep && options.Data is null) Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<ProvinceRun> RunOneAsync(ProvinceSize size, string folder, int port, ProvinceOptions options, Action<string> log)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        var run = new ProvinceRun(size);
        var now = DateTimeOffset.UtcNow;
        log($"Province {size.Label} in {folder}");
        run.Load["start"] = MachineInfo.LoadAverage();

        // 1. The app creates the schema and seeds the demo (accounts, buyers, the 舍烹 cooperative's dividend), then stops.
        var clock = Stopwatch.StartNew();
        await using (var seeding = await ServerProcess.StartAsync(FlashSaleBenchmark.WebDll(), AppArgs(folder, port), ReadyLine, FlashSaleBenchmark.Patience))
        {
            using var probe = new HttpClient { BaseAddress = Url(port) };
            await FlashSaleBenchmark.WaitReadyAsync(probe);
            await seeding.KillAsync();
        }

        run.Setup["start the app once (schema, demo seeding), stop it"] = clock.Elapsed.TotalSeconds;

        // 2. The province's grain states, in bulk.
        var generator = new ProvinceGenerator(size, now);
        var generated = await generator.WriteAsync(Path.Combine(folder, "agrilink.db"), log);
        run.RowsWritten = new Dictionary<string, long>(generated.Rows);
        run.Setup["write grain states and audit entries in bulk"] = generated.Elapsed.TotalSeconds;
        log($"  written in {generated.Elapsed.TotalSeconds:F1} s: {string.Join(", ", generated.Rows.Select(r => $"{r.Key} {r.Value:N0}"))}");

        // 3. rebuild-projections, as an operator runs it: its own process, the app stopped.
        run.Load["before rebuild-projections"] = MachineInfo.LoadAverage();
        var (seconds, exit, tail, peak) = await RunToEndAsync(FlashSaleBenchmark.WebDll(), ["rebuild-projections", "--data", folder]);
        if (exit != 0) throw new BenchmarkFailedException($"rebuild-projections exited {exit}:\n{tail}");
        run.RebuildSeconds = seconds;
        run.RebuildPeakBytes = peak;
        run.RebuildSummary = Summary(tail);
        log($"  rebuild-projections: {seconds:F1} s ({run.RebuildSummary})");

        // 4. The app again, then the timed calls.
        run.Load["before the timed calls"] = MachineInfo.LoadAverage();
        clock.Restart();
        await using var app = await ServerProcess.StartAsync(FlashSaleBenchmark.WebDll(), AppArgs(folder, port), ReadyLine, FlashSaleBenchmark.Patience, ServerEnvironment);
        using (var ready = new HttpClient { BaseAddress = Url(port) }) await FlashSaleBenchmark.WaitReadyAsync(ready);
        run.StartSeconds = clock.Elapsed.TotalSeconds;

        // Sampled as well as read at the end: if the server dies (the heap limit), its last peak is still known.
        using var sampling = new CancellationTokenSource();
        var sampler = SamplePeakAsync(app.Pid, sampling.Token);
        using (var probe = new ProvinceProbe(Url(port), generator, size, options.Samples, () => ReadPeak(app.Pid), log))
        {
            run.Timings = await probe.RunAsync();
            run.ServerPeakBeforeDashboardBytes = probe.PeakBeforeDashboardBytes;
        }

        run.ServerPeakBytes = Math.Max(ReadPeak(app.Pid), await StopAsync(sampling, sampler));
        run.Load["after the timed calls"] = MachineInfo.LoadAverage();
        var db = new FileInfo(Path.Combine(folder, "agrilink.db"));
        var wal = new FileInfo(Path.Combine(folder, "agrilink.db-wal"));
        run.DatabaseBytes = db.Exists ? db.Length : 0;
        run.WalBytes = wal.Exists ? wal.Length : 0;
        await app.KillAsync();
        log($"  server peak {Format.Bytes(run.ServerPeakBytes)}, database {Format.Bytes(run.DatabaseBytes)} + WAL {Format.Bytes(run.WalBytes)}");
        return run;
    }

    /// <summary>Ports from the base given (the machine's agreed range is 31000-31999): HTTP, silo, gateway.</summary>
    private static List<string> AppArgs(string folder, int port) =>
    [
        "--data", folder, "--urls", Url(port).ToString().TrimEnd('/'),
        "--Orleans:SiloPort", (port + 1).ToString(CultureInfo.InvariantCulture),
        "--Orleans:GatewayPort", (port + 2).ToString(CultureInfo.InvariantCulture),
    ];

    private static Uri Url(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Runs <c>dotnet DLL args</c> to its end: wall time, exit code, the output's tail, and its peak resident set (sampled VmHWM).</summary>
    private static async Task<(double Seconds, int Exit, string Tail, long PeakBytes)> RunToEndAsync(string dll, IEnumerable<string> args)
    {
        var start = FlashSale.ServerProcess.StartInfo(dll, args);
        var output = new System.Text.StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadPeak(process.Id));
            await Task.Delay(200);
        }

        await process.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        string text;
        lock (output) text = output.ToString();
        return (seconds, process.ExitCode, text.Length <= 3000 ? text : text[^3000..], peak);
    }

    /// <summary>The command's closing sentence; the console wraps it at 80 columns when redirected, so the lines are joined.</summary>
    private static string Summary(string output)
    {
        var lines = output.Split('\n').Select(l => l.Trim()).ToList();
        var at = lines.FindLastIndex(l => l.Contains("Rebuilt", StringComparison.Ordinal));
        if (at < 0) return "";
        return string.Join(' ', lines.Skip(at).TakeWhile(l => l.Length > 0).Take(3));
    }

    private static async Task<long> SamplePeakAsync(int pid, CancellationToken ct)
    {
        long peak = 0;
        while (!ct.IsCancellationRequested)
        {
            peak = Math.Max(peak, ReadPeak(pid));
            try
            {
                await Task.Delay(250, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peak;
    }

    private static async Task<long> StopAsync(CancellationTokenSource sampling, Task<long> sampler)
    {
        await sampling.CancelAsync();
        return await sampler;
    }

    private static long ReadPeak(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }
}

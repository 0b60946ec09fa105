using System.Globalization;
using AgriLink.Benchmarks;

// dotnet run -c Release --project tests/AgriLink.Benchmarks -- dividends [--shareholders 50000] [options]
const string Usage = """
    AgriLink benchmarks (README.md in tests/AgriLink.Benchmarks).

    dotnet run -c Release --project tests/AgriLink.Benchmarks -- dividends [options]
    dotnet run -c Release --project tests/AgriLink.Benchmarks -- flash-sale [--buyers 2000] [--stock 500] [--rounds 3]
    dotnet run -c Release --project tests/AgriLink.Benchmarks -- search [--listings 100000] [--rounds 10]
    dotnet run -c Release --project tests/AgriLink.Benchmarks -- live [--clients 2000] [--rate 50] [--seconds 30]
    dotnet run -c Release --project tests/AgriLink.Benchmarks -- cluster [--postgres CONN] [--redis HOST:PORT] [--silos 1,2]
    dotnet run -c Release --project tests/AgriLink.Benchmarks -- province [--scale 1.0] [--samples 50] [--port 31400]

      --shareholders N     members holding shares, each paid a dividend (default 50000)
      --trade grain|storage
                           how setup records the year's trade: one IMemberTradeGrain.Record call per member, or one
                           write of the trade grain's state through the grain storage (default: grain up to 2000
                           members, storage above; Record rewrites the whole list on every call)
      --baseline-runs N    baseline repetitions on fresh files; the ratio uses their median (default 3)
      --no-probes          skip the "where the time goes" probes after the runs
      --data DIR           keep the databases in DIR (default: a temporary folder, deleted at the end)
      --keep               keep the temporary folder
      --out DIR            where the report goes (default: artifacts/benchmarks under the repository)

    Exit code: 0 when the run verified, 1 when it failed verification or crashed, 2 for bad arguments.
    The targets (ratio ≤ 3×, peak < 1 GiB) are reported, not enforced by the exit code.
    """;

if (args.Length > 0 && args[0] == "flash-baseline-server")
{
    return await AgriLink.Benchmarks.FlashSale.BaselineServer.RunAsync(args);
}

if (args.Length > 0 && args[0] == "live-baseline-server")
{
    return await AgriLink.Benchmarks.Live.LiveBaselineServer.RunAsync(args);
}

if (args.Length > 0 && args[0] == "live")
{
    return await AgriLink.Benchmarks.Live.LiveCli.RunAsync(args, Path.Combine(RepositoryRoot(), "artifacts", "benchmarks"));
}

if (args.Length > 0 && args[0] == "search")
{
    return await AgriLink.Benchmarks.Search.SearchBenchmark.RunAsync(args, Path.Combine(RepositoryRoot(), "artifacts", "benchmarks"));
}

if (args.Length > 0 && args[0] == "cluster")
{
    return await AgriLink.Benchmarks.Cluster.ClusterCli.RunAsync(args, Path.Combine(RepositoryRoot(), "artifacts", "benchmarks"));
}

if (args.Length > 0 && args[0] == "province")
{
    return await AgriLink.Benchmarks.Province.ProvinceCli.RunAsync(args, Path.Combine(RepositoryRoot(), "artifacts", "benchmarks"));
}

if (args.Length > 0 && args[0] == "flash-sale")
{
    return await AgriLink.Benchmarks.FlashSale.FlashSaleCli.RunAsync(args);
}

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

if (args[0] != "dividends")
{
    Console.Error.WriteLine($"Unknown benchmark '{args[0]}'.\n\n{Usage}");
    return 2;
}

int shareholders = 50_000, baselineRuns = 3;
TradeSeeding? trade = null;
string? data = null, output = null;
bool keep = false, probes = true;
for (var i = 1; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    try
    {
        switch (args[i])
        {
            case "--shareholders": shareholders = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
            case "--baseline-runs": baselineRuns = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
            case "--trade": trade = Enum.Parse<TradeSeeding>(Next(), ignoreCase: true); break;
            case "--data": data = Path.GetFullPath(Next()); break;
            case "--out": output = Path.GetFullPath(Next()); break;
            case "--keep": keep = true; break;
            case "--no-probes": probes = false; break;
            default: throw new ArgumentException($"Unknown option {args[i]}.");
        }
    }
    catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
    {
        Console.Error.WriteLine($"{e.Message}\n\n{Usage}");
        return 2;
    }
}

if (shareholders < 1 || baselineRuns < 1)
{
    Console.Error.WriteLine("--shareholders and --baseline-runs must be at least 1.");
    return 2;
}

output ??= Path.Combine(RepositoryRoot(), "artifacts", "benchmarks");
var started = DateTimeOffset.UtcNow;
void Log(string line) => Console.WriteLine($"[{(DateTimeOffset.UtcNow - started).TotalSeconds,7:F1}s] {line}");

try
{
    var result = await DividendsBenchmark.RunAsync(new DividendsOptions(shareholders, trade, baselineRuns, data, keep, output, probes), Log);
    var path = Report.Write(result, output);
    Console.WriteLine();
    Console.WriteLine(Report.Markdown(result));
    Console.WriteLine($"Written: {path} (and .json)");
    return 0;
}
catch (BenchmarkFailedException e)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine($"BENCHMARK FAILED: {e.Message}");
    return 1;
}

static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgriLink.sln"))) return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}

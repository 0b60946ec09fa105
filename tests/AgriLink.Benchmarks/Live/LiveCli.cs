using System.Globalization;

namespace AgriLink.Benchmarks.Live;

/// <summary><c>live [--clients 2000] [--rate 50] [--seconds 30] [--out DIR]</c></summary>
public static class LiveCli
{
    public const string Usage = "live [--clients 2000] [--rate 50] [--seconds 30] [--out DIR]";

    public static async Task<int> RunAsync(string[] args, string defaultOutput)
    {
        int clients = 2000, rate = 50, seconds = 30;
        var output = defaultOutput;
        try
        {
            for (var i = 1; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--clients": clients = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                    case "--rate": rate = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                    case "--seconds": seconds = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                    case "--out": output = Path.GetFullPath(Next()); break;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }

            if (clients < 1 || rate < 1 || rate > 1000 || seconds < 1) throw new ArgumentException("--clients, --rate (≤ 1000) and --seconds must be at least 1.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine($"{e.Message}\n{Usage}");
            return 2;
        }

        // Thousands of connections start at once: don't make them wait for the thread pool to grow.
        ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 16), Math.Max(64, Environment.ProcessorCount * 16));
        return await BenchmarkRun.ReportAsync(log => LiveBenchmark.RunAsync(new LiveOptions(clients, rate, seconds, output), log),
            r => r.Markdown(), r => r.Write(output), r => r.System is { Lost: 0, Duplicates: 0 });
    }
}

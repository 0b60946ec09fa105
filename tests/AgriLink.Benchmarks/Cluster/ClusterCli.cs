using System.Globalization;

namespace AgriLink.Benchmarks.Cluster;

/// <summary>
/// <c>cluster [--postgres CONN] [--redis HOST:PORT] [--silos 1,2] [--buyers N] [--stock N] [--rounds N] [--shareholders N] [--out DIR]</c>.
/// PostgreSQL and Redis default to the test command's <c>AGRILINK_TEST_POSTGRES</c> and <c>AGRILINK_TEST_REDIS</c>.
/// </summary>
public static class ClusterCli
{
    private const string Usage =
        "cluster [--postgres CONNECTION] [--redis HOST:PORT] [--silos 1,2] [--buyers 2000] [--stock 500] [--rounds 3] [--shareholders 20000] [--out DIR]";

    public static async Task<int> RunAsync(string[] args, string defaultOutput)
    {
        var postgres = Environment.GetEnvironmentVariable("AGRILINK_TEST_POSTGRES");
        var redis = Environment.GetEnvironmentVariable("AGRILINK_TEST_REDIS");
        int buyers = 2000, stock = 500, rounds = 3, shareholders = 20_000;
        IReadOnlyList<int> silos = [1, 2];
        var output = defaultOutput;
        try
        {
            for (var i = 1; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                int Count() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
                switch (args[i])
                {
                    case "--postgres": postgres = Next(); break;
                    case "--redis": redis = Next(); break;
                    case "--silos": silos = Next().Split(',').Select(n => int.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture)).ToList(); break;
                    case "--buyers": buyers = Count(); break;
                    case "--stock": stock = Count(); break;
                    case "--rounds": rounds = Count(); break;
                    case "--shareholders": shareholders = Count(); break;
                    case "--out": output = Path.GetFullPath(Next()); break;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }

            if (string.IsNullOrEmpty(postgres) || string.IsNullOrEmpty(redis))
                throw new ArgumentException("PostgreSQL and Redis are needed: --postgres and --redis, or AGRILINK_TEST_POSTGRES and AGRILINK_TEST_REDIS.");
            if (buyers < 1 || stock < 1 || rounds < 1 || shareholders < 1 || silos.Count == 0 || silos.Any(n => n < 1))
                throw new ArgumentException("Counts must be at least 1.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        return await BenchmarkRun.ReportAsync(log => ClusterBenchmark.RunAsync(new ClusterOptions(postgres, redis, silos, buyers, stock, rounds, shareholders, output), log),
            r => r.Markdown(), r => r.Write(output));
    }
}

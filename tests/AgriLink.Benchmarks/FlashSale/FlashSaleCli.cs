using System.Globalization;

namespace AgriLink.Benchmarks.FlashSale;

/// <summary><c>flash-sale [--buyers N] [--stock N] [--rounds N] [--data DIR] [--keep] [--out DIR]</c></summary>
public static class FlashSaleCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        int buyers = 2000, stock = 500, rounds = 3;
        string? data = null, output = null;
        var keep = false;
        try
        {
            for (var i = 1; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--buyers": buyers = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                    case "--stock": stock = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                    case "--rounds": rounds = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                    case "--data": data = Path.GetFullPath(Next()); break;
                    case "--out": output = Path.GetFullPath(Next()); break;
                    case "--keep": keep = true; break;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }

            if (buyers < 1 || stock < 1 || rounds < 1) throw new ArgumentException("--buyers, --stock and --rounds must be at least 1.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("flash-sale [--buyers 2000] [--stock 500] [--rounds 3] [--data DIR] [--keep] [--out DIR]");
            return 2;
        }

        output ??= Path.Combine(RepositoryRoot(), "artifacts", "benchmarks");
        var started = DateTimeOffset.UtcNow;
        void Log(string line) => Console.WriteLine($"[{(DateTimeOffset.UtcNow - started).TotalSeconds,7:F1}s] {line}");
        try
        {
            var result = await FlashSaleBenchmark.RunAsync(new FlashSaleOptions(buyers, stock, rounds, data, keep, output), Log);
            Console.WriteLine();
            Console.WriteLine(result.Markdown());
            Console.WriteLine($"Written: {result.Write(output)} (and .json)");
            return 0;
        }
        catch (BenchmarkFailedException e)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"BENCHMARK FAILED: {e.Message}");
            return 1;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgriLink.sln"))) return dir.FullName;
        }

        return Directory.GetCurrentDirectory();
    }
}

using System.Globalization;

namespace AgriLink.Benchmarks.FlashSale;

/// <summary><c>flash-sale [--buyers N] [--stock N] [--rounds N] [--data DIR] [--keep] [--out DIR] [--ports FIRST] [--trace DIR]</c></summary>
public static class FlashSaleCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        int buyers = 2000, stock = 500, rounds = 3;
        string? data = null, output = null, trace = null;
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
                    case "--ports": FlashSaleBenchmark.PortBase = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                    case "--trace": trace = Path.GetFullPath(Next()); break;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }

            if (buyers < 1 || stock < 1 || rounds < 1) throw new ArgumentException("--buyers, --stock and --rounds must be at least 1.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("flash-sale [--buyers 2000] [--stock 500] [--rounds 3] [--data DIR] [--keep] [--out DIR] [--ports FIRST] [--trace DIR]");
            return 2;
        }

        output ??= Path.Combine(RepositoryRoot(), "artifacts", "benchmarks");
        return await BenchmarkRun.ReportAsync(log => FlashSaleBenchmark.RunAsync(new FlashSaleOptions(buyers, stock, rounds, data, keep, output) { Trace = trace }, log),
            r => r.Markdown(), r => r.Write(output));
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

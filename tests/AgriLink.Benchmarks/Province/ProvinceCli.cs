using System.Globalization;

namespace AgriLink.Benchmarks.Province;

/// <summary><c>province [--scale 1.0] [--samples 50] [--port 31400] [--data DIR] [--keep] [--out DIR]</c></summary>
public static class ProvinceCli
{
    public const string Usage = "province [--scale 1.0] [--samples 50] [--port 31400] [--data DIR] [--keep] [--out DIR] [--strict]";

    public static async Task<int> RunAsync(string[] args, string defaultOutput)
    {
        double scale = 1.0;
        int samples = 50, port = 31400;
        string? data = null;
        var output = defaultOutput;
        bool keep = false, strict = false;
        try
        {
            for (var i = 1; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--scale": scale = double.Parse(Next(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture); break;
                    case "--samples": samples = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                    case "--port": port = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                    case "--data": data = Path.GetFullPath(Next()); break;
                    case "--out": output = Path.GetFullPath(Next()); break;
                    case "--keep": keep = true; break;
                    case "--strict": strict = true; break;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }

            if (scale is <= 0 or > 1) throw new ArgumentException("--scale must be in (0, 1].");
            if (samples < 1) throw new ArgumentException("--samples must be at least 1.");
            // The two runs take ports base..base+2 and base+10..base+12.
            if (port is < 1024 or > 65_000) throw new ArgumentException("--port must be between 1024 and 65000.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine($"{e.Message}\n{Usage}");
            return 2;
        }

        // Without --strict the targets are reported, not enforced by the exit code (as the other benchmarks).
        return await BenchmarkRun.ReportAsync(log => ProvinceBenchmark.RunAsync(new ProvinceOptions(scale, samples, port, data, keep, output), log),
            r => r.Markdown(), r => r.Write(output), r => !strict || r.Met);
    }
}

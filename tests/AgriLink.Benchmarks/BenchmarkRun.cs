namespace AgriLink.Benchmarks;

/// <summary>How a benchmark command runs: a timestamped log, the report printed and written, a failed verification reported as such.</summary>
internal static class BenchmarkRun
{
    /// <summary>
    /// Runs <paramref name="run"/> (given the log), prints its Markdown report and writes it with <paramref name="write"/>.
    /// Exit code 0 when the run verified (and <paramref name="passed"/> holds), 1 when it did not.
    /// </summary>
    public static async Task<int> ReportAsync<T>(Func<Action<string>, Task<T>> run, Func<T, string> markdown, Func<T, string> write, Func<T, bool>? passed = null)
    {
        var started = DateTimeOffset.UtcNow;
        void Log(string line) => Console.WriteLine($"[{(DateTimeOffset.UtcNow - started).TotalSeconds,7:F1}s] {line}");
        try
        {
            var result = await run(Log);
            Console.WriteLine();
            Console.WriteLine(markdown(result));
            Console.WriteLine($"Written: {write(result)} (and .json)");
            return passed is null || passed(result) ? 0 : 1;
        }
        catch (BenchmarkFailedException e)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"BENCHMARK FAILED: {e.Message}");
            return 1;
        }
    }
}

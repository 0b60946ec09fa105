namespace AgriLink.Benchmarks.Province;

/// <summary>One timed HTTP call, repeated: its nearest-rank p50 and p95 in milliseconds, and what was asked.</summary>
/// <remarks><see cref="Failure"/>: the call did not succeed (timed out, or answered an error), so the figure is missing.</remarks>
public sealed record ProvinceTiming(string Name, int Samples, double P50Ms, double P95Ms, double MaxMs, string Note, string? Failure = null)
{
    public static ProvinceTiming Failed(string name, string failure, string note = "") => new(name, 0, double.NaN, double.NaN, double.NaN, note, failure);

    public static ProvinceTiming From(string name, IReadOnlyList<double> milliseconds, string note = "")
    {
        var sorted = milliseconds.Order().ToArray();
        return new ProvinceTiming(name, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Length == 0 ? 0 : sorted[^1], note);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

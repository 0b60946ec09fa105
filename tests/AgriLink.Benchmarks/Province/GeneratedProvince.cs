namespace AgriLink.Benchmarks.Province;

/// <summary>What the bulk setup wrote: rows by state name (and <c>audit_log</c>), and how long it took.</summary>
public sealed record GeneratedProvince(IReadOnlyDictionary<string, long> Rows, TimeSpan Elapsed);

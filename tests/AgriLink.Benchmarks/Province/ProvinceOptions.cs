namespace AgriLink.Benchmarks.Province;

/// <summary>The command line of <c>province</c> (see <see cref="ProvinceCli.Usage"/>).</summary>
public sealed record ProvinceOptions(double Scale, int Samples, int BasePort, string? Data, bool Keep, string Output);

namespace AgriLink.Hosting;

/// <summary>Configuration section <c>Orleans</c>. Ports are settable so tests and side-by-side installs don't collide.</summary>
public sealed class SiloOptions
{
    public const string Section = "Orleans";

    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    public string ClusterId { get; set; } = "agrilink";
    public string ServiceId { get; set; } = "agrilink";
}

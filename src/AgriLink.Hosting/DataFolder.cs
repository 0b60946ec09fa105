using Microsoft.Extensions.Configuration;

namespace AgriLink.Hosting;

/// <summary>
/// Where an embedded installation keeps its files: <c>--data DIR</c>, else the environment variable
/// <c>AGRILINK_DATA</c>, else <c>~/.local/share/AgriLink</c> (the OS's local application data folder).
/// </summary>
public sealed record DataFolder(string Path)
{
    public const string EnvironmentVariable = "AGRILINK_DATA";

    public string DatabaseFile => System.IO.Path.Combine(Path, "agrilink.db");
    public string KeysFolder => System.IO.Path.Combine(Path, "keys");

    public static DataFolder Resolve(IConfiguration configuration)
    {
        var chosen = configuration["data"] ?? configuration[EnvironmentVariable];
        var path = string.IsNullOrWhiteSpace(chosen)
            ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "AgriLink")
            : System.IO.Path.GetFullPath(chosen);
        Directory.CreateDirectory(path);
        return new DataFolder(path);
    }
}

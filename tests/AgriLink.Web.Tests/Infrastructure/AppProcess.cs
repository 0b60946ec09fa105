using System.Globalization;
using AgriLink.Tests.Shared;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>
/// The built web app as a real process (<c>dotnet AgriLink.Web.dll</c>) on a data folder, free ports and loopback HTTP:
/// a <see cref="NodeProcess"/> started on the embedded default, awaited until it says it is running and answers
/// /health/ready, and killed with SIGKILL.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    /// <summary>Bounds every wait: a cold start seeds the demo, which on a busy 2-core machine takes tens of seconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly NodeProcess _node;

    private AppProcess(NodeProcess node) => _node = node;

    /// <summary>The AgriLink.Web.dll the app process runs (the web project's build output, else this test's copy).</summary>
    public static string WebDllPath => WebDll();

    public Uri BaseAddress => _node.BaseAddress;
    public HttpClient Client => _node.Client;
    public string Output => _node.Output;

    /// <summary>Starts the app and returns once it printed its welcome and /health/ready answers 200.</summary>
    public static async Task<AppProcess> StartAsync(string dataFolder, params string[] extraArgs) =>
        new(await NodeProcess.StartAsync("The app", WebDll(), "AgriLink is running.",
        [
            "--data", dataFolder,
            "--Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            .. extraArgs,
        ], Patience, TimeSpan.FromSeconds(30)));

    /// <summary>SIGKILL on Unix (TerminateProcess on Windows): no shutdown code runs.</summary>
    public Task KillAsync() => _node.KillAsync();

    public ValueTask DisposeAsync() => _node.DisposeAsync();

    /// <summary>
    /// The web project's own build output (with its appsettings.json), found next to this test project's
    /// output (same configuration and framework); failing that, the copy in this test's output folder.
    /// </summary>
    private static string WebDll()
    {
        if (NodeProcess.Built("AgriLink.Web.Tests", "web", "AgriLink.Web") is { } built) return built;
        var copy = Path.Combine(AppContext.BaseDirectory, "AgriLink.Web.dll");
        return File.Exists(copy) ? copy : throw new FileNotFoundException("AgriLink.Web.dll is not built.", copy);
    }
}

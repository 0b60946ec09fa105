using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>
/// The built web app as a real process (<c>dotnet AgriLink.Web.dll</c>) on a data folder, free ports and
/// loopback HTTP; started, awaited until it says it is running and answers /health/ready, and killed with SIGKILL.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    /// <summary>Bounds every wait: a cold start seeds the demo, which on a busy 2-core machine takes tens of seconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private const string RunningLine = "AgriLink is running.";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(string dataFolder, string[] extraArgs)
    {
        var dll = WebDll();
        var port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            dll, "--data", dataFolder, "--urls", BaseAddress.ToString().TrimEnd('/'),
            "--Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
        }.Concat(extraArgs))
            start.ArgumentList.Add(arg);
        start.Environment.Remove("AGRILINK_DATA");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.Exited += (_, _) => _running.TrySetException(new InvalidOperationException($"The app exited before it was running.\n{Output}"));
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The AgriLink.Web.dll the app process runs (the web project's build output, else this test's copy).</summary>
    public static string WebDllPath => WebDll();

    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the app and returns once it printed its welcome and /health/ready answers 200.</summary>
    public static async Task<AppProcess> StartAsync(string dataFolder, params string[] extraArgs)
    {
        var app = new AppProcess(dataFolder, extraArgs);
        try
        {
            app._process.Start();
            app._process.BeginOutputReadLine();
            app._process.BeginErrorReadLine();
            try
            {
                await app._running.Task.WaitAsync(Patience, Api.Ct);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"The app did not start within {Patience.TotalSeconds} s.\n{app.Output}");
            }
            using var ready = await app.Client.GetAsync("/health/ready", Api.Ct);
            Assert.True(ready.IsSuccessStatusCode, $"/health/ready answered {(int)ready.StatusCode}.\n{app.Output}");
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL on Unix (TerminateProcess on Windows): no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(Api.Ct).WaitAsync(Patience, Api.Ct);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited) await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains(RunningLine, StringComparison.Ordinal)) _running.TrySetResult();
    }

    /// <summary>
    /// The web project's own build output (with its appsettings.json), found next to this test project's
    /// output (same configuration and framework); failing that, the copy in this test's output folder.
    /// </summary>
    private static string WebDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        for (var dir = testOutput; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "AgriLink.sln"))) continue;
            var testProject = Path.Combine(dir.FullName, "tests", "AgriLink.Web.Tests");
            var relative = Path.GetRelativePath(testProject, testOutput.FullName);
            var candidate = Path.Combine(dir.FullName, "web", "AgriLink.Web", relative, "AgriLink.Web.dll");
            if (!relative.StartsWith("..", StringComparison.Ordinal) && File.Exists(candidate)) return candidate;
            break;
        }
        var copy = Path.Combine(testOutput.FullName, "AgriLink.Web.dll");
        return File.Exists(copy) ? copy : throw new FileNotFoundException("AgriLink.Web.dll is not built.", copy);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace AgriLink.Tests.Shared;

/// <summary>
/// One built AgriLink program (<c>dotnet X.dll</c>: the web app or a silo) as a process of its own on loopback: started
/// with arguments (its <c>--urls</c> on a free port first), awaited until it prints its ready line and answers
/// /health/ready, and killed with SIGKILL, so no shutdown code runs. Linked into the test projects that run programs
/// (tests/AgriLink.Web.Tests, tests/AgriLink.Cluster.Tests).
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _readyLine;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(string name, Uri baseAddress, ProcessStartInfo start, string readyLine, TimeSpan patience, TimeSpan clientTimeout)
    {
        Name = name;
        Patience = patience;
        _readyLine = readyLine;
        BaseAddress = baseAddress;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"{Name} exited before it was ready.\n{Output}"));
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = clientTimeout };
    }

    public string Name { get; }
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }

    /// <summary>Bounds every wait on this process (start, health, exit).</summary>
    public TimeSpan Patience { get; }

    public bool HasExited => _process.HasExited;
    public string Output { get { lock (_output) return _output.ToString(); } }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<NodeProcess> StartAsync(string name, string dll, string readyLine, IEnumerable<string> args,
        TimeSpan patience, TimeSpan? clientTimeout = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var arg in new[] { dll, "--urls", baseAddress.ToString().TrimEnd('/') }.Concat(args)) start.ArgumentList.Add(arg);
        start.Environment.Remove("AGRILINK_DATA");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return StartAsync(new NodeProcess(name, baseAddress, start, readyLine, patience, clientTimeout ?? TimeSpan.FromSeconds(60)));
    }

    /// <summary>
    /// A shell command exactly as a person types it (the README's run command), in <paramref name="workingDirectory"/>,
    /// in an environment without ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT (so the app's own default applies) and
    /// with <paramref name="environment"/> added: the command line stays as written, so the app's address, ports and
    /// data folder are given there (<c>Urls</c> is set to the returned process's <see cref="BaseAddress"/>).
    /// </summary>
    public static Task<NodeProcess> StartCommandAsync(string name, string workingDirectory, string command,
        IReadOnlyDictionary<string, string> environment, string readyLine, TimeSpan patience)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = workingDirectory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("AGRILINK_DATA");
        start.Environment["Urls"] = baseAddress.ToString().TrimEnd('/');
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return StartAsync(new NodeProcess(name, baseAddress, start, readyLine, patience, TimeSpan.FromSeconds(60)));
    }

    private static async Task<NodeProcess> StartAsync(NodeProcess node)
    {
        var (name, patience) = (node.Name, node.Patience);
        try
        {
            node._process.Start();
            node._process.BeginOutputReadLine();
            node._process.BeginErrorReadLine();
            try
            {
                await node._ready.Task.WaitAsync(patience, Ct);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"{name} was not ready within {patience.TotalSeconds} s.\n{node.Output}");
            }
            await node.WaitHealthyAsync();
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    public async Task WaitHealthyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var ready = await Client.GetAsync("/health/ready", Ct);
                if (ready.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > Patience) Assert.Fail($"{Name}: /health/ready never answered 200.\n{Output}");
            await Task.Delay(250, Ct);
        }
    }

    /// <summary>SIGKILL: the process gets no chance to leave the cluster or flush anything.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(Ct).WaitAsync(Patience, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        _process.Dispose();
    }

    /// <summary>A TCP port nobody listens on right now: the OS picks it for a listener closed at once.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>
    /// A program's build output beside this test project's, in the same configuration and framework
    /// (e.g. <c>web/AgriLink.Web/bin/Release/net10.0/AgriLink.Web.dll</c>); null when it is not there.
    /// </summary>
    public static string? Built(string testProject, string folder, string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "AgriLink.sln"))) continue;
            var relative = Path.GetRelativePath(Path.Combine(dir.FullName, "tests", testProject), output.FullName);
            var dll = Path.Combine(dir.FullName, folder, project, relative, project + ".dll");
            return !relative.StartsWith("..", StringComparison.Ordinal) && File.Exists(dll) ? dll : null;
        }
        return null;
    }

    private void Received(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains(_readyLine, StringComparison.Ordinal)) _ready.TrySetResult();
    }
}

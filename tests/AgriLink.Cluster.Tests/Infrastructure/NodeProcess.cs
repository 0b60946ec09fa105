using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace AgriLink.Cluster.Tests.Infrastructure;

/// <summary>
/// One built AgriLink program (<c>dotnet X.dll</c>) as a process of its own, started with arguments, awaited until it
/// prints its ready line and answers /health/ready, and killed with SIGKILL: no shutdown code runs.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _readyLine;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(string name, string dll, string readyLine, IEnumerable<string> args)
    {
        Name = name;
        _readyLine = readyLine;
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", BaseAddress.ToString().TrimEnd('/') }.Concat(args)) start.ArgumentList.Add(arg);
        start.Environment.Remove("AGRILINK_DATA");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"{Name} exited before it was ready.\n{Output}"));
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Name { get; }
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public bool HasExited => _process.HasExited;
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<NodeProcess> StartAsync(string name, string dll, string readyLine, IEnumerable<string> args)
    {
        var node = new NodeProcess(name, dll, readyLine, args);
        try
        {
            node._process.Start();
            node._process.BeginOutputReadLine();
            node._process.BeginErrorReadLine();
            try
            {
                await node._ready.Task.WaitAsync(Patience, TestServices.Ct);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"{name} was not ready within {Patience.TotalSeconds} s.\n{node.Output}");
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
                using var ready = await Client.GetAsync("/health/ready", TestServices.Ct);
                if (ready.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > Patience) Assert.Fail($"{Name}: /health/ready never answered 200.\n{Output}");
            await Task.Delay(250, TestServices.Ct);
        }
    }

    /// <summary>SIGKILL: the process gets no chance to leave the cluster or flush anything.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(TestServices.Ct).WaitAsync(Patience, TestServices.Ct);
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

    private void Received(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains(_readyLine, StringComparison.Ordinal)) _ready.TrySetResult();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AgriLink.Benchmarks.FlashSale;

/// <summary>
/// A server under test as its own process (so its memory and CPU are its own, as deployed): started with
/// <c>dotnet DLL args</c>, ready when it prints <see cref="ReadyLine"/>, killed with SIGKILL.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _readyLine;

    /// <summary>
    /// <c>dotnet DLL args</c> from the DLL's folder, output redirected, in the Production environment and without an
    /// inherited data folder: how every benchmark starts a built program of the repository.
    /// </summary>
    internal static ProcessStartInfo StartInfo(string dll, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("AGRILINK_DATA");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return start;
    }

    private ServerProcess(string dll, IEnumerable<string> args, string readyLine, IReadOnlyDictionary<string, string>? environment)
    {
        _readyLine = readyLine;
        var start = StartInfo(dll, args);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Warnings only: a log line per request would measure the console, not the server.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.Exited += (_, _) => _ready.TrySetException(new BenchmarkFailedException($"{Path.GetFileName(dll)} exited before it was ready.\n{Tail()}"));
    }

    public int Pid => _process.Id;

    public static async Task<ServerProcess> StartAsync(string dll, IEnumerable<string> args, string readyLine, TimeSpan patience,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(dll)) throw new BenchmarkFailedException($"{dll} is not built (dotnet build -c Release first).");
        var server = new ServerProcess(dll, args, readyLine, environment);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server._ready.Task.WaitAsync(patience);
        }
        catch (TimeoutException)
        {
            await server.DisposeAsync();
            throw new BenchmarkFailedException($"{Path.GetFileName(dll)} was not ready within {patience.TotalSeconds:F0} s.\n{server.Tail()}");
        }

        return server;
    }

    /// <summary>Resets the process's peak resident set (Linux: writes 5 to /proc/PID/clear_refs); false where not allowed.</summary>
    public bool ResetPeakMemory()
    {
        try
        {
            File.WriteAllText($"/proc/{Pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>The peak resident set (VmHWM) in bytes since start or the last reset.</summary>
    public long PeakMemoryBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
            return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
        }

        return 0;
    }

    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public string Tail()
    {
        lock (_output)
        {
            var text = _output.ToString();
            return text.Length <= 4000 ? text : text[^4000..];
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains(_readyLine, StringComparison.Ordinal)) _ready.TrySetResult();
    }
}

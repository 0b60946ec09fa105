using System.Diagnostics;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>Runs a program to its end within a bound, with its standard output and error together.</summary>
public static class ChildProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Api.Ct);
        var error = process.StandardError.ReadToEndAsync(Api.Ct);
        try
        {
            await process.WaitForExitAsync(Api.Ct).WaitAsync(timeout, Api.Ct);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not end within {timeout}: {await output}{await error}");
        }
        return (process.ExitCode, await output + await error);
    }
}

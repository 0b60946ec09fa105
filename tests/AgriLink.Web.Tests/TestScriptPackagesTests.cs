using System.Diagnostics;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// Issue 16, item 12: tests/run.sh installs what is missing through apt-get, which another package manager (a fresh
/// machine's unattended upgrades) may hold locked. Every apt-get waits for the lock, and a lock that never comes is
/// reported in words. Run against stand-in apt-get, dpkg-query and sudo, so nothing is installed.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TestScriptPackagesTests
{
    private static string Script => Path.Combine(RepositoryRoot(), "tests", "packages.sh");

    [Fact]
    public async Task EveryAptGetWaitsForThePackageLock()
    {
        using var bin = new TempFolder();
        var calls = Path.Combine(bin.Path, "calls");
        Stub(bin.Path, "apt-get", $"echo \"$*\" >> '{calls}'; exit 0");

        var (exitCode, _) = await Run(bin.Path, "ensure_packages redis-server chromium");

        Assert.Equal(0, exitCode);
        var lines = await File.ReadAllLinesAsync(calls, Api.Ct);
        Assert.Equal(2, lines.Length); // update, then install
        Assert.All(lines, line => Assert.Contains("-o DPkg::Lock::Timeout=600", line, StringComparison.Ordinal));
        Assert.Contains("update", lines[0], StringComparison.Ordinal);
        Assert.Contains("install", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockThatNeverComesIsReportedClearly()
    {
        using var bin = new TempFolder();
        Stub(bin.Path, "apt-get",
            "echo 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (unattended-upgr)' >&2; exit 100");

        var (exitCode, output) = await Run(bin.Path, "ensure_packages redis-server");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Could not install redis-server", output, StringComparison.Ordinal);
        Assert.Contains("process 4242 (unattended-upgr)", output, StringComparison.Ordinal);
        Assert.Contains("held the package lock", output, StringComparison.Ordinal);
    }

    /// <summary>A stand-in command in <paramref name="folder"/>; dpkg-query says nothing is installed, sudo just runs.</summary>
    private static void Stub(string folder, string name, string body)
    {
        foreach (var (file, text) in new[] { (name, body), ("dpkg-query", "exit 1"), ("sudo", "exec \"$@\"") })
        {
            var path = Path.Combine(folder, file);
            File.WriteAllText(path, "#!/usr/bin/env bash\n" + text + "\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static async Task<(int ExitCode, string Output)> Run(string bin, string commands)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"set -euo pipefail; . '{Script}'; {commands}");
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment.Remove("AGRILINK_APT_LOCK_TIMEOUT");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Api.Ct);
        var error = process.StandardError.ReadToEndAsync(Api.Ct);
        await process.WaitForExitAsync(Api.Ct).WaitAsync(TimeSpan.FromSeconds(30), Api.Ct);
        return (process.ExitCode, await output + await error);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AgriLink.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("AgriLink.sln not found above the test's folder.");
    }
}

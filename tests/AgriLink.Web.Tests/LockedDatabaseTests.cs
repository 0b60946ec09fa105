using System.Diagnostics;
using System.Globalization;
using System.Net;
using AgriLink.Hosting;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// Issue 16, item 9: a database another process holds locked, or a data folder that cannot be written. While running, a
/// write that cannot get the database is a 503 with Retry-After that changes nothing, and readiness says so; at start,
/// the process ends with a message naming the data folder and a non-zero exit code.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LockedDatabaseTests
{
    [Fact]
    public async Task AWriteAgainstALockedDatabaseIs503WithRetryAfterAndChangesNothingAndReadinessSaysSo()
    {
        using var folder = new TempFolder();
        await using var factory = new AgriLinkFactory(folder.Path, new Dictionary<string, string?> { ["AgriLink:SeedDemo"] = "true" });
        factory.StartServer();
        var signIn = new DemoSignIn(factory);
        var admin = await signIn.As("coop.panzhou");
        var id = await admin.CreateDraft("coop-pzcili");
        var before = await admin.Snapshot($"/api/listings/{id}");
        using (var ready = await signIn.Anonymous().Get("/health/ready")) Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        await using (var holder = new SqliteConnection(new SqliteConnectionStringBuilder
                     { DataSource = Path.Combine(folder.Path, "agrilink.db"), Pooling = false }.ConnectionString))
        {
            await holder.OpenAsync(Api.Ct);
            await using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                await begin.ExecuteNonQueryAsync(Api.Ct);
            }

            var watch = Stopwatch.StartNew();
            using var write = await admin.SendJson(HttpMethod.Put, $"/api/listings/{id}/stock", """{"stock":7}""");
            var problem = await write.AssertProblem(HttpStatusCode.ServiceUnavailable);
            Assert.True(write.Headers.RetryAfter?.Delta > TimeSpan.Zero, "No Retry-After on the 503.");
            Assert.StartsWith("urn:agrilink:problem:", (string?)problem["type"]);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(40), $"The 503 took {watch.Elapsed}.");

            using var notReady = await signIn.Anonymous().Get("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);

            await using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(Api.Ct);
        }

        Assert.Equal(before, await admin.Snapshot($"/api/listings/{id}"));
        var readyAgain = false;
        for (var attempt = 0; attempt < 30 && !readyAgain; attempt++)
        {
            using var ready = await signIn.Anonymous().Get("/health/ready");
            readyAgain = ready.StatusCode == HttpStatusCode.OK;
            if (!readyAgain) await Task.Delay(500, Api.Ct);
        }
        Assert.True(readyAgain, "/health/ready did not recover after the lock was released.");
        using var retried = await admin.SendJson(HttpMethod.Put, $"/api/listings/{id}/stock", """{"stock":7}""");
        Assert.Equal(7m, (decimal)(await retried.AssertOk())["draft"]!["stock"]!);
    }

    [Fact]
    public async Task StartingOnADatabaseAnotherProcessHoldsLockedEndsWithAMessageNamingTheDataFolder()
    {
        using var folder = new TempFolder();
        await using var holder = new SqliteConnection(new SqliteConnectionStringBuilder
            { DataSource = Path.Combine(folder.Path, "agrilink.db"), Pooling = false }.ConnectionString);
        await holder.OpenAsync(Api.Ct);
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE; CREATE TABLE held (x INTEGER);";
            await begin.ExecuteNonQueryAsync(Api.Ct);
        }

        var (exitCode, output) = await RunAppAsync(folder.Path);

        Assert.True(exitCode == DataFolderCheck.ExitCode, $"Exit code {exitCode}: {output}");
        Assert.Contains(folder.Path, output, StringComparison.Ordinal);
        Assert.Contains("locked", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingOnAReadOnlyDataFolderEndsWithAMessageNamingIt()
    {
        using var parent = new TempFolder();
        var folder = Path.Combine(parent.Path, "data");
        Directory.CreateDirectory(folder);
        var mounted = false;
        if (Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root")
        {
            // Root writes through permission bits: only a read-only file system keeps it out.
            mounted = await Shell("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", folder) == 0;
            Assert.True(mounted, "Running as root, the test needs to mount a read-only tmpfs (root writes through permission bits) and could not.");
        }
        else
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
        try
        {
            var (exitCode, output) = await RunAppAsync(folder);

            Assert.True(exitCode == DataFolderCheck.ExitCode, $"Exit code {exitCode}: {output}");
            Assert.Contains(folder, output, StringComparison.Ordinal);
            Assert.Contains("not writable", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        }
        finally
        {
            if (mounted) await Shell("umount", folder);
            else File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Runs the built app on <paramref name="dataFolder"/> until it ends by itself (60 s at most): its exit code and output.</summary>
    internal static async Task<(int ExitCode, string Output)> RunAppAsync(string dataFolder, params string[] extraArgs)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(AppProcess.WebDllPath)!,
        };
        string[] args =
        [
            AppProcess.WebDllPath, "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--data", dataFolder,
            "--Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            .. extraArgs,
        ];
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment.Remove("AGRILINK_DATA");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Api.Ct);
        var error = process.StandardError.ReadToEndAsync(Api.Ct);
        try
        {
            await process.WaitForExitAsync(Api.Ct).WaitAsync(TimeSpan.FromSeconds(60), Api.Ct);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("The app kept running on a data folder it cannot use.");
        }
        return (process.ExitCode, await output + await error);
    }

    private static async Task<int> Shell(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync(Api.Ct);
        return process.ExitCode;
    }
}

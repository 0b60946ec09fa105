using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Dividends;

/// <summary>
/// A test that writes grain state in its own process and has the app process read it needs both to run the same
/// build: the app runs from the web project's output, the test from its own, and a web build made after the test
/// build (another change in the working tree) stores state the other cannot read alike.
/// </summary>
public static class SameBuild
{
    public static void AssertAppRunsTheTestsAssemblies()
    {
        var appFolder = Path.GetDirectoryName(AppProcess.WebDllPath)!;
        var testFolder = AppContext.BaseDirectory;
        if (Path.GetFullPath(appFolder).TrimEnd(Path.DirectorySeparatorChar) == Path.GetFullPath(testFolder).TrimEnd(Path.DirectorySeparatorChar)) return;
        var differ = new[] { "AgriLink.Domain.dll", "AgriLink.Grains.Abstractions.dll", "AgriLink.Grains.dll", "AgriLink.Storage.dll", "AgriLink.Hosting.dll", "AgriLink.Web.dll" }
            .Where(dll => !File.ReadAllBytes(Path.Combine(appFolder, dll)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(testFolder, dll))))
            .ToList();
        Assert.True(differ.Count == 0,
            $"The app in {appFolder} was built from other sources than this test ({string.Join(", ", differ)} differ): rebuild the tests (dotnet build tests/AgriLink.Web.Tests) and run again.");
    }
}

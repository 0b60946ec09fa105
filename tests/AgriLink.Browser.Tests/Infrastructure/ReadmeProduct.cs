using System.Text.RegularExpressions;
using AgriLink.Tests.Shared;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Browser.Tests.Infrastructure;

/// <summary>
/// The product as a newcomer starts it: the first command of the README's "Run" section, run by bash from the root of
/// the checkout, in the environment that command gets (Production: no ASPNETCORE_ENVIRONMENT), on the unpublished build
/// output it builds. Only what a second copy on the same machine needs is added, as settings in the environment: a free
/// loopback address and Orleans ports, a data folder of its own, and no sign-in rate limit. The browser tests for the
/// first run use it; the other browser tests use the in-process <see cref="BrowserApp"/>.
/// </summary>
public sealed partial class ReadmeProduct : BrowserApp
{
    /// <summary>The first run builds the web project (Debug) when tests/run.sh has not: minutes on a 2-core machine.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(8);

    private readonly TempFolder _data = new();
    private NodeProcess? _node;

    /// <summary>The README's run command, as written there.</summary>
    public static string Command { get; } = ReadRunCommand(Path.Combine(RepositoryRoot, "README.md"));

    /// <summary>When the command was started: the app has lived no longer than since then.</summary>
    public DateTimeOffset Started { get; private set; }

    /// <summary>What the command printed so far: the build, then the app's console.</summary>
    public string Output => _node?.Output ?? "";

    public override async ValueTask InitializeAsync()
    {
        Started = DateTimeOffset.UtcNow;
        _node = await NodeProcess.StartCommandAsync("The README's run command", RepositoryRoot, Command, new Dictionary<string, string>
        {
            ["AGRILINK_DATA"] = _data.Path,
            ["Orleans__SiloPort"] = NodeProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = NodeProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AgriLink__SignInAttemptsPerMinute"] = "100000",
        }, "AgriLink is running.", Patience);
        BaseAddress = _node.BaseAddress;
        await LaunchBrowser();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_node is not null) await _node.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>The first line of the first fenced block after the "## Run" heading.</summary>
    private static string ReadRunCommand(string readme)
    {
        var text = File.ReadAllText(readme);
        var run = RunSection().Match(text);
        Assert.True(run.Success, $"{readme} has no '## Run' section with a fenced command.");
        return run.Groups["command"].Value.Trim();
    }

    [GeneratedRegex(@"^## Run\s*$.*?^```[a-z]*\s*$\s*(?<command>[^\r\n]+)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex RunSection();
}

[CollectionDefinition(Name)]
public sealed class ReadmeProductCollection : ICollectionFixture<ReadmeProduct>
{
    public const string Name = "The README's run command";
}

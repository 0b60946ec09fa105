using System.Net;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests.Infrastructure;

/// <summary>
/// The web app with the Guizhou demo on a real Kestrel listener on a free loopback port, and Debian's Chromium driven
/// by Playwright (never a downloaded browser). Shared by the tests of <see cref="BrowserAppCollection"/>; tests that
/// order or change stock use listings and buyers no other browser test reads. A subclass may give the host its own
/// platform clock (<see cref="ClockedBrowserApp"/>): the grains, the seeding and sign-in then reckon time by it; or
/// settings of its own (<see cref="StripeBrowserApp"/>: Stripe configured).
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly TempFolder _folder = new();
    private readonly TimeProvider? _clock;
    private AgriLinkFactory? _root;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright _playwright = null!;

    public BrowserApp() : this(null)
    {
    }

    /// <param name="clock">The platform's <see cref="TimeProvider"/> in place of the system clock; null keeps the system clock.</param>
    protected BrowserApp(TimeProvider? clock) => _clock = clock;

    public Uri BaseAddress { get; protected set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The host's services: tests read the grains directly to check what pages show.</summary>
    public IServiceProvider Services => _factory?.Services
        ?? throw new InvalidOperationException($"{GetType().Name} runs the app as a process of its own: there are no services to read.");

    /// <summary>The checkout these tests were built from (the folder of AgriLink.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Where screenshots and measurements go: artifacts/browser under the repository root.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot, "artifacts", "browser")).FullName;

    public virtual async ValueTask InitializeAsync()
    {
        // The shared app's page-weight tests append to this file; a second app running beside it leaves it alone.
        if (GetType() == typeof(BrowserApp)) File.Delete(Path.Combine(Artifacts, "page-weight.txt"));
        await Start(new Dictionary<string, string?>());
    }

    /// <summary>Starts the seeded app, with <paramref name="settings"/> besides the demo's, and the browser.</summary>
    protected async Task Start(IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort.Next();
        _root = new AgriLinkFactory(_folder.Path, new Dictionary<string, string?>(settings)
        {
            ["AgriLink:SeedDemo"] = "true",
            ["AgriLink:SignInAttemptsPerMinute"] = "100000",
        });
        // As the API tests do (DividendWorkflowTests): the clock replaces the TimeProvider service before the host starts.
        _factory = _clock is { } clock
            ? _root.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)))
            : _root;
        _factory!.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        _factory.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        await LaunchBrowser();
    }

    /// <summary>Debian's Chromium through Playwright, for the app at <see cref="BaseAddress"/>.</summary>
    protected async Task LaunchBrowser()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: tests/run.sh installs Debian's chromium package.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Args = ChromiumArgs,
            Headless = true,
        });
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null && !ReferenceEquals(_factory, _root)) await _factory.DisposeAsync();
        if (_root is not null) await _root.DisposeAsync();
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh browser context (its own cookies: a second browser) at the given width, in the default language.</summary>
    /// <param name="javaScript">False: a browser that runs no script, for pages that must work without it.</param>
    public Task<IBrowserContext> NewContext(int width = 360, bool javaScript = true) => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseAddress.ToString(),
        ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 740 : 900 },
        AcceptDownloads = true,
        JavaScriptEnabled = javaScript,
    });

    /// <summary>A browser context signed in through the sign-in form as the demo account.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> SignedIn(string userName, int width = 360, bool javaScript = true)
    {
        var context = await NewContext(width, javaScript);
        var page = await context.NewPageAsync();
        await SignIn(page, userName, "/account/login");
        return (context, page);
    }

    /// <summary>
    /// Signs in as the demo account through the form at <paramref name="signInUrl"/> (with its returnUrl, if any) and waits
    /// until the browser has left the sign-in page.
    /// </summary>
    public static async Task SignIn(IPage page, string userName, string signInUrl)
    {
        // Once in a few runs on the 2-core CI machine the form's navigation never left the sign-in page (seen once, cause
        // not found). A refusal the server wrote on the page (wrong password, locked, rate limited) fails at once with its
        // text; a page without one is submitted once more, and a second miss fails with what the page shows.
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync(signInUrl);
            await page.FillAsync("#UserName", userName);
            await page.FillAsync("#Password", Web.Seeding.DemoData.Password);
            await page.ClickAsync("main button[type=submit]");
            try
            {
                await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal),
                    new PageWaitForURLOptions { Timeout = 15_000 });
                return;
            }
            catch (TimeoutException) when (attempt == 1)
            {
                var refusal = await page.Locator(".validation-summary-errors, .field-validation-error").AllInnerTextsAsync();
                Assert.True(refusal.All(string.IsNullOrWhiteSpace), $"Sign-in as {userName} was refused: {string.Join(" ", refusal)}");
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"Sign-in as {userName} never left {page.Url}: {await page.Locator("main").InnerTextAsync()}", e);
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AgriLink.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No AgriLink.sln above {AppContext.BaseDirectory}: the browser tests run from their build output in the checkout.");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserAppCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser app";
}

using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests.Infrastructure;

public static class PageExtensions
{
    /// <summary>Waits until the page's site script has joined its live topics on /hubs/market.</summary>
    public static Task WaitForLive(this IPage page) =>
        page.WaitForFunctionAsync("() => document.body.dataset.liveState === 'connected'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

    /// <summary>The site's stylesheet arrived and applies: the header has its green background (site.css), not the browser's none.</summary>
    public static Task<bool> IsStyled(this IPage page) =>
        page.EvaluateAsync<bool>("() => getComputedStyle(document.querySelector('header')).backgroundColor === 'rgb(47, 107, 47)'");

    /// <summary>
    /// From now on, what the page reports as an error (a resource that failed to load, a Content-Security-Policy violation,
    /// an uncaught exception) with where it happened; a test asserts the list empty.
    /// </summary>
    public static List<string> CollectErrors(this IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (errors) errors.Add($"{page.Url}: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => { lock (errors) errors.Add($"{page.Url}: {error}"); };
        return errors;
    }

    /// <summary>Marks the document so a test can tell later that the page was not reloaded.</summary>
    public static Task MarkDocument(this IPage page) => page.EvaluateAsync("() => { window.__notReloaded = true; }");

    public static Task<bool> WasNotReloaded(this IPage page) => page.EvaluateAsync<bool>("() => window.__notReloaded === true");

    /// <summary>Puts the quantity of the listing in the signed-in buyer's cart, from the listing's page.</summary>
    public static async Task AddToCart(this IPage page, string listingId, string quantity)
    {
        await page.GotoAsync($"/market/listings/{listingId}");
        await page.FillAsync("#quantity", quantity);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/buyer/cart");
    }

    /// <summary>Clicks the download link, saves the file as artifacts/browser/{fileName} and returns its bytes.</summary>
    public static async Task<byte[]> DownloadFile(this IPage page, string selector, string fileName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        var file = Path.Combine(BrowserApp.Artifacts, fileName);
        await download.SaveAsAsync(file);
        return await File.ReadAllBytesAsync(file);
    }

    /// <summary>Full-page screenshot as artifacts/browser/{name}-{width}.png.</summary>
    public static async Task Screenshot(this IPage page, string name)
    {
        var width = page.ViewportSize?.Width ?? 0;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.Artifacts, $"{name}-{width}.png"), FullPage = true });
    }

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe.min.js")));

    /// <summary>
    /// Runs axe-core (npm, injected through the DevTools protocol, so the page's CSP is unchanged) against WCAG 2.1 A and
    /// AA and fails with every violation: its rule, impact and the elements it found. Needs a context with script
    /// enabled (with it disabled, evaluating waits forever).
    /// </summary>
    public static async Task AssertAccessible(this IPage page, string what)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(AxeSource.Value + ";0");
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                .violations.map(v => `${v.id} (${v.impact}): ${v.help}\n    ` + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ')).join('\n    '))
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"{what} at {page.ViewportSize?.Width} px has {found.Count} accessibility violations:\n{string.Join('\n', found)}");
    }
}

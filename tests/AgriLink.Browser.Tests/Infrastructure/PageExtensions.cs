using Microsoft.Playwright;

namespace AgriLink.Browser.Tests.Infrastructure;

public static class PageExtensions
{
    /// <summary>Waits until the page's site script has joined its live topics on /hubs/market.</summary>
    public static Task WaitForLive(this IPage page) =>
        page.WaitForFunctionAsync("() => document.body.dataset.liveState === 'connected'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

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
}

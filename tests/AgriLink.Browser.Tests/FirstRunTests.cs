using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// What a newcomer meets after the README's run command (Production on the unpublished build output): every static file
/// whole, compressed when the browser asks; a styled page that goes live; a page opened signed out leads through the
/// sign-in form and back to it.
/// </summary>
[Collection(ReadmeProductCollection.Name)]
public sealed partial class FirstRunTests(ReadmeProduct app)
{
    private static readonly string WebRoot = Path.Combine(BrowserApp.RepositoryRoot, "web", "AgriLink.Web", "wwwroot");

    public static TheoryData<string> StaticFiles()
    {
        var files = Directory.EnumerateFiles(WebRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(WebRoot, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("site.css", files);
        Assert.Contains("js/live.js", files);
        Assert.Contains("lib/signalr/signalr.min.js", files);
        Assert.Contains("favicon.ico", files);
        return [.. files];
    }

    [Theory]
    [MemberData(nameof(StaticFiles))]
    public async Task EveryStaticFileIsServedWholeAndCompressedWhenTheBrowserAsks(string file)
    {
        var expected = await File.ReadAllBytesAsync(Path.Combine(WebRoot, file), TestContext.Current.CancellationToken);
        Assert.True(new FileExtensionContentTypeProvider().TryGetContentType(file, out var contentType), file);
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = app.BaseAddress,
        };

        foreach (var acceptEncoding in new[] { "gzip, br", "gzip", "" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/" + file);
            if (acceptEncoding.Length > 0) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.ETag);
            Assert.NotNull(response.Headers.CacheControl);
            var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
            if (acceptEncoding.Length > 0) Assert.True(encoding is "gzip" or "br", $"/{file} asked with '{acceptEncoding}' came {encoding ?? "uncompressed"}");
            else Assert.Null(encoding);
            if (encoding is "br") Assert.Contains("br", acceptEncoding, StringComparison.Ordinal);

            var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            Assert.True(expected.AsSpan().SequenceEqual(Decode(body, encoding)),
                $"/{file} asked with '{acceptEncoding}' decoded to {Decode(body, encoding).Length} bytes, the file has {expected.Length}");
        }
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task AListingPageIsStyledAndGoesLive(int width)
    {
        var context = await app.NewContext(width);
        var page = await context.NewPageAsync();
        var errors = page.CollectErrors();

        await page.GotoAsync("/market/listings/lst-cjchicken");
        Assert.True(await page.IsStyled(), "the page has its stylesheet");
        await page.WaitForLive();
        await page.Screenshot("first-run-listing");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await context.CloseAsync();
    }

    [Fact]
    public async Task TheApiExplorerLoadsWithoutBlockedRequests()
    {
        var context = await app.NewContext(1280);
        var page = await context.NewPageAsync();
        var errors = page.CollectErrors();
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                lock (outside) outside.Add(request.Url);
        };

        await page.GotoAsync("/scalar", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GetByText("AgriLink API").First.WaitForAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(outside.Count == 0, "requests outside the site: " + string.Join(", ", outside));
        await context.CloseAsync();
    }

    [Fact]
    public async Task APageOpenedSignedOutLeadsThroughTheSignInFormAndBack()
    {
        var context = await app.NewContext(360);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/household/dividends");
        Assert.Equal(200, response?.Status);
        Assert.Contains("/account/login?ReturnUrl=%2Fhousehold%2Fdividends", page.Url, StringComparison.Ordinal);
        await BrowserApp.SignIn(page, "farmer.pz01", page.Url);

        Assert.Equal("/household/dividends", new Uri(page.Url).AbsolutePath);
        Assert.True(await page.Locator("main h1").IsVisibleAsync());
        await context.CloseAsync();
    }

    [Fact]
    public void TheConsoleAtStartHasNoWarnings()
    {
        // The console logger writes "warn: Category[id]" (and "fail:", "crit:") with the message on the next line; the
        // build before the app is not the app's.
        var started = app.Output.IndexOf("AgriLink is running.", StringComparison.Ordinal);
        Assert.True(started >= 0, app.Output);
        var lines = app.Output[..started].Split('\n');
        var warnings = lines
            .Select((line, i) => (Line: line, Message: i + 1 < lines.Length ? lines[i + 1].Trim() : ""))
            .Where(l => l.Line.StartsWith("warn: ", StringComparison.Ordinal) || l.Line.StartsWith("fail: ", StringComparison.Ordinal)
                        || l.Line.StartsWith("crit: ", StringComparison.Ordinal))
            .Where(l => !ImpossibleWatchdogStall(l.Line, l.Message) && !LongTurn(l.Line) && !BriefThreadPoolStall(l.Line, l.Message))
            .Select(l => $"{l.Line} {l.Message}")
            .ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }

    /// <summary>
    /// Orleans' watchdog starts its platform thread before it stamps the component check (Watchdog.Start), so on a busy
    /// machine its first look can measure from timestamp 0: the machine's uptime, reported as a stalled check on a process
    /// younger than that (README, "Known warnings"). Only that impossible report is let through; a real stall, shorter
    /// than the process's life, still fails.
    /// </summary>
    private bool ImpossibleWatchdogStall(string line, string message)
    {
        var stall = WatchdogStall().Match(message);
        return line.Contains("Orleans.Runtime.Watchdog", StringComparison.Ordinal) && stall.Success
               && TimeSpan.Parse(stall.Groups["duration"].Value, CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow - app.Started;
    }

    /// <summary>
    /// Orleans' note that one grain turn ran longer than a second (the demo's seeding computes a dividend declaration)
    /// says how busy the machine is, not how the product is set up: CI's shared 2-core machine sees it, an idle one does
    /// not. Speed is measured by the benchmarks.
    /// </summary>
    private static bool LongTurn(string line) => line.Contains("Orleans.Runtime.Scheduler.WorkItemGroup[101215]", StringComparison.Ordinal);

    /// <summary>
    /// Orleans' silo health monitor's note that the thread pool stalled for a second or two (and the "local health is
    /// degraded" line that cites it) while this test's machine also starts the browser tests' own host and Chromium: seen
    /// once in CI (1.0 s), never on an idle start of the same build (README run command, fresh data folder). Like a long
    /// turn, it says how busy the machine is. A stall of <see cref="StallTolerated"/> or more still fails.
    /// </summary>
    private static bool BriefThreadPoolStall(string line, string message) =>
        line.Contains("Orleans.Runtime.MembershipService.LocalSiloHealthMonitor", StringComparison.Ordinal)
        && ThreadPoolStall().Match(message) is { Success: true } stall
        && TimeSpan.FromSeconds(double.Parse(stall.Groups["seconds"].Value, CultureInfo.InvariantCulture)) < StallTolerated;

    private static readonly TimeSpan StallTolerated = TimeSpan.FromSeconds(5);

    [GeneratedRegex(@"Thread Pool execution stalled for (?<seconds>[0-9.]+)s")]
    private static partial Regex ThreadPoolStall();

    [GeneratedRegex(@"^Participant check thread has not completed for (?<duration>[0-9.:]+)")]
    private static partial Regex WatchdogStall();

    [Fact]
    public async Task TheApiStillAnswersSignedOutCallsWith401()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/households/hh-pz01/dividends");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static byte[] Decode(byte[] body, string? encoding)
    {
        if (encoding is null) return body;
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}

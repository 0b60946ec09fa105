using System.IO.Compression;
using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// The budget of household and buyer pages: at most 100 KB of JavaScript and CSS, gzipped. Measured on what the
/// browser actually loads (each script and stylesheet gzipped at the highest level), written to artifacts/browser.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class PageWeightTests(BrowserApp app)
{
    private const int Budget = 100 * 1024;

    [Theory]
    [InlineData(null, "/market")]
    [InlineData(null, "/market/listings/lst-cjchicken")]
    [InlineData("buyer.consumer", "/buyer/cart")]
    [InlineData("buyer.consumer", "/buyer/orders")]
    [InlineData("buyer.canteen", "/buyer/demands")]
    [InlineData("buyer.canteen", "/buyer/quota")]
    [InlineData("farmer.pz01", "/household")]
    [InlineData("farmer.pz01", "/household/dividends")]
    public async Task ScriptsAndStylesFitTheBudget(string? userName, string path)
    {
        var (context, page) = userName is null ? (await app.NewContext(), null) : await app.SignedIn(userName);
        page ??= await context.NewPageAsync();
        var assets = new List<IResponse>();
        page.Response += (_, r) =>
        {
            if (r.Request.ResourceType is "script" or "stylesheet") assets.Add(r);
        };

        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        long total = 0;
        var lines = new List<string>();
        foreach (var asset in assets)
        {
            var size = Gzipped(await asset.BodyAsync());
            total += size;
            lines.Add($"  {new Uri(asset.Url).AbsolutePath} {size} B");
        }

        await File.AppendAllLinesAsync(Path.Combine(BrowserApp.Artifacts, "page-weight.txt"),
            [$"{path} ({userName ?? "anonymous"}): {total} B gzipped JS+CSS in {assets.Count} files", .. lines], TestContext.Current.CancellationToken);
        TestContext.Current.SendDiagnosticMessage($"{path}: {total} B gzipped JS+CSS");
        Assert.Contains(assets, a => a.Request.ResourceType == "stylesheet");
        Assert.True(total <= Budget, $"{path} loads {total} B of gzipped JS+CSS, over the {Budget} B budget");
        await context.CloseAsync();
    }

    private static long Gzipped(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(body);
        return buffer.Length;
    }
}

using AgriLink.Browser.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Browser.Tests;

[Collection(BrowserAppCollection.Name)]
public sealed class OperatorTests(BrowserApp app)
{
    [Fact]
    public async Task TheAuditLogIsFilteredPagedAndExported()
    {
        // 盘州's admin acts through the API (its tea leaf stays at 0, as seeded): entries to find.
        var (panzhou, _) = await app.SignedIn("coop.panzhou", 1280);
        for (var i = 0; i < 3; i++)
        {
            var response = await panzhou.APIRequest.PutAsync("/api/listings/lst-pztealeaf/stock",
                new Microsoft.Playwright.APIRequestContextOptions { DataObject = new { stock = 0 } });
            Assert.Equal(200, response.Status);
        }
        await panzhou.CloseAsync();

        var (context, page) = await app.SignedIn("operator", 360);
        await page.GotoAsync("/operator/audit");
        var first = await Ids(page);
        Assert.NotEmpty(first);
        Assert.Equal(first.OrderDescending(), first); // newest first
        if (await page.Locator("#audit-older").CountAsync() > 0)
        {
            await page.ClickAsync("#audit-older");
            var older = await Ids(page);
            Assert.NotEmpty(older);
            Assert.True(older.Max() < first.Min(), "the next page holds only older entries");
        }

        await page.GotoAsync("/operator/audit");
        await page.FillAsync("#Actor", "coop.panzhou");
        await page.ClickAsync("#audit-filter button[type=submit]");
        await page.WaitForURLAsync("**Actor=coop.panzhou**");
        var actors = await page.Locator(".audit-entry .audit-who").AllInnerTextsAsync();
        Assert.NotEmpty(actors);
        Assert.All(actors, a => Assert.Contains("coop.panzhou", a));

        var bytes = await page.DownloadFile("#audit-csv", "audit-log.csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("编号,时间（北京时间）,操作人", lines[0]);
        Assert.True(lines.Length - 1 >= actors.Count, "the export holds the filtered entries");
        Assert.All(lines.Skip(1), l => Assert.Contains(",coop.panzhou (", l));

        // A day with no entries: nothing, and the page says so.
        await page.GotoAsync("/operator/audit?to=2001-01-01");
        Assert.True(await page.Locator("#audit-empty").IsVisibleAsync());
        await page.AssertAccessible("/operator/audit");
        await page.Screenshot("operator-audit");
        await context.CloseAsync();
    }

    private static async Task<List<long>> Ids(Microsoft.Playwright.IPage page) =>
        (await page.Locator(".audit-entry").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.id)")).Select(long.Parse).ToList();

    [Fact]
    public async Task DashboardChartsSalesByCountyAndExportsThem()
    {
        var (context, page) = await app.SignedIn("operator", 1280);
        await page.GotoAsync("/operator");

        var bars = await page.Locator("#sales-chart .bar").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.county)");
        Assert.Equal(4, bars.Length);
        Assert.Equal(bars.Length, await page.Locator("#impact-table tbody tr").CountAsync());
        Assert.Contains("522633", bars);
        var bytes = await page.DownloadFile("#export-csv", "impact-by-county.csv");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("县级代码,县,深度贫困县", lines[0]);
        Assert.Equal(5, lines.Length);
        var xlsx = await page.DownloadFile("#export-xlsx", "impact-by-county.xlsx");
        Assert.Equal("PK"u8.ToArray(), xlsx[..2]);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(lines.Length - 1, rows.Count);
        Assert.Contains(rows, r => (string)r["县级代码"] == "522633" && (string)r["深度贫困县"] == "是");
        await page.Screenshot("operator-dashboard");
        await context.CloseAsync();
    }

    [Fact]
    public async Task OtherRolesCannotOpenTheDashboard()
    {
        var (context, page) = await app.SignedIn("coop.xiuwen", 360);

        var response = await page.GotoAsync("/operator");

        Assert.Equal(403, response?.Status);
        Assert.Equal(0, await page.Locator("#sales-chart").CountAsync());
        await context.CloseAsync();
    }
}

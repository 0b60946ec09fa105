using AgriLink.Browser.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Browser.Tests;

[Collection(BrowserAppCollection.Name)]
public sealed class OperatorTests(BrowserApp app)
{
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

using AgriLink.Browser.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Browser.Tests;

[Collection(BrowserAppCollection.Name)]
public sealed class HouseholdTests(BrowserApp app)
{
    [Fact]
    public async Task FarmerOpensTheDividendStatement()
    {
        var (context, page) = await app.SignedIn("farmer.pz01", 360);
        await page.GotoAsync("/household");
        Assert.True(await page.Locator(".holding").CountAsync() > 0);

        await page.ClickAsync("text=看我的分红");
        await page.WaitForURLAsync("**/household/dividends");
        var dividend = page.Locator(".dividend").First;
        Assert.Contains("舍烹", await dividend.Locator("h2").InnerTextAsync());
        Assert.True(await dividend.Locator(".steps li").CountAsync() > 0, "every part of the dividend is explained");
        var bytes = await page.DownloadFile("#statement-csv", "farmer-pz01-statement.csv");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("合作社,年度", text);
        Assert.Contains("合计实发", text);
        await context.CloseAsync();
    }

    [Fact]
    public async Task AnotherHouseholdsDividendsAreRefused()
    {
        var (context, page) = await app.SignedIn("farmer.cj02", 360);

        var response = await page.GotoAsync("/household/dividends?id=hh-pz01");

        Assert.Equal(403, response?.Status);
        Assert.Equal(0, await page.Locator(".dividend").CountAsync());
        await context.CloseAsync();
    }
}

using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
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
    public async Task TheFarmerObjectsDuringTheNoticeAndSeesTheCooperativesAnswer()
    {
        var (context, page) = await app.SignedIn("farmer.pz01", 360);
        await page.GotoAsync("/household/dividends");
        var dividend = page.Locator(".dividend").First;
        Assert.Contains("公示期", await dividend.Locator(".notice-period").InnerTextAsync());

        // An empty objection is refused on the page; then a real one is filed.
        var form = page.Locator("#object-coop-pzcili-2025");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".validation-summary-errors")).ToContainTextAsync("请写明异议内容");
        var text = "我家交售的鲜刺梨少记了一次 " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#object-coop-pzcili-2025 textarea").FillAsync(text);
        await page.Locator("#object-coop-pzcili-2025 button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/household/dividends");
        var objection = page.Locator(".objection", new() { HasText = text });
        await Assertions.Expect(objection).ToContainTextAsync("等待合作社答复");

        // The cooperative answers through its API; the farmer reads the answer on the same page.
        var (admin, _) = await app.SignedIn("coop.panzhou", 1280);
        var declaration = System.Text.Json.JsonDocument.Parse(await (await admin.APIRequest.GetAsync("/api/cooperatives/coop-pzcili/dividends/2025")).TextAsync());
        var objectionId = declaration.RootElement.GetProperty("declaration").GetProperty("objections").EnumerateArray()
            .Single(o => o.GetProperty("text").GetString() == text).GetProperty("objectionId").GetString();
        var resolved = await admin.APIRequest.PostAsync($"/api/cooperatives/coop-pzcili/dividends/2025/objections/{objectionId}/resolve",
            new Microsoft.Playwright.APIRequestContextOptions { DataObject = new { outcome = "Dismissed", resolution = "已核对交售记录，两次均已计入" } });
        Assert.Equal(200, resolved.Status);
        await admin.CloseAsync();

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".objection", new() { HasText = text })).ToContainTextAsync("已核对交售记录，两次均已计入");
        await page.AssertAccessible("/household/dividends with an objection");
        await page.Screenshot("household-objection");
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

using System.Globalization;
using System.Text.Json;
using AgriLink.Browser.Tests.Infrastructure;
using AgriLink.Domain.Codes;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// A county office's work in the browser: its county's applications at the top of its workspace, a decline that needs
/// its reason, a recommendation with a note; the other county's cooperatives never shown.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class CountyOfficerTests(BrowserApp app)
{
    [Fact]
    public async Task AnApplicationIsDeclinedOnlyWithAReasonAndAnotherIsRecommended()
    {
        var (operatorContext, _) = await app.SignedIn("operator", 1280);
        var declined = await AppliedCooperative(operatorContext, "盘州市普古乡待补材料农民专业合作社");
        var recommended = await AppliedCooperative(operatorContext, "盘州市普古乡新申请农民专业合作社");

        var (context, page) = await app.SignedIn("county.panzhou", 360);
        await page.GotoAsync("/county");
        Assert.Contains("盘州市", await page.InnerTextAsync("main .meta"));
        var row = page.Locator($".awaiting-row[data-cooperative='{declined}']");
        await row.Locator("button[formaction*='Decline']").ClickAsync();
        // No reason: refused, the application still waits.
        await Assertions.Expect(page.Locator(".validation-summary-errors")).Not.ToBeEmptyAsync();
        Assert.Equal("Applied", await Status(operatorContext, declined));

        await page.Locator($".awaiting-row[data-cooperative='{declined}'] textarea").FillAsync("带贫益贫材料不全，请补充后再申请");
        await page.Locator($".awaiting-row[data-cooperative='{declined}'] button[formaction*='Decline']").ClickAsync();
        await page.WaitForURLAsync("**/county");
        await page.Locator($".awaiting-row[data-cooperative='{recommended}'] textarea").FillAsync("经实地核查，带贫机制健全");
        await page.Locator($".awaiting-row[data-cooperative='{recommended}'] button[formaction*='Recommend']").ClickAsync();
        await page.WaitForURLAsync("**/county");

        Assert.Equal("Rejected", await Status(operatorContext, declined));
        Assert.Equal("CountyRecommended", await Status(operatorContext, recommended));
        Assert.Equal(0, await page.Locator($".awaiting-row[data-cooperative='{recommended}']").CountAsync());
        Assert.DoesNotContain("coop-xwkiwi", await page.InnerTextAsync("main")); // 修文's cooperative is not 盘州's business
        await page.AssertAccessible("/county");
        await page.Screenshot("county-workspace");
        await context.CloseAsync();
        await operatorContext.CloseAsync();
    }

    /// <summary>A new 盘州 cooperative, registered and applied for by the operator through the API.</summary>
    private static async Task<string> AppliedCooperative(IBrowserContext operatorContext, string name)
    {
        var code = UnifiedSocialCreditCode.WithCheckCharacter(
            "93520281" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        var created = await operatorContext.APIRequest.PostAsync("/api/cooperatives", new APIRequestContextOptions
        {
            DataObject = new
            {
                name, creditCode = code, countyCode = "520281", village = "舍烹村", address = "贵州省六盘水市盘州市普古乡舍烹村",
                legalRepresentative = "王测试", phone = "13985812341", foundedOn = "2016-05-01",
            },
        });
        Assert.Equal(201, created.Status);
        var id = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(200, (await operatorContext.APIRequest.PostAsync($"/api/cooperatives/{id}/admission/apply")).Status);
        return id;
    }

    private static async Task<string> Status(IBrowserContext operatorContext, string id) =>
        JsonDocument.Parse(await (await operatorContext.APIRequest.GetAsync($"/api/cooperatives/{id}/admission")).TextAsync())
            .RootElement.GetProperty("status").GetString()!;
}

using System.Text.Json;
using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// Issue 19 in the browser: a household's own report reaches its county officer's case list, and the officer takes it
/// through the village's review, the township's check and the county's confirmation from a 360 px phone.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class MonitoringCaseTests(BrowserApp app)
{
    [Fact]
    public async Task ASelfReportIsReviewedCheckedAndConfirmedFromAPhone()
    {
        var (farmerContext, _) = await app.SignedIn("farmer.pz01", 360);
        var reported = await farmerContext.APIRequest.PostAsync("/api/monitoring/cases", new APIRequestContextOptions
        {
            DataObject = new { householdId = "hh-pz01", discoveryChannel = "SelfReport", note = "家人住院，今年收入大减" },
        });
        Assert.Equal(201, reported.Status);
        var id = JsonDocument.Parse(await reported.TextAsync()).RootElement.GetProperty("id").GetString()!;

        var (context, page) = await app.SignedIn("county.panzhou", 360);
        await page.GotoAsync("/county/cases");
        await page.Locator($".case-row[data-case='{id}'] a").ClickAsync();
        await page.WaitForURLAsync($"**/county/cases/{id}");
        Assert.Equal("Reported", await page.GetAttributeAsync("#case-stage", "data-stage"));

        await Step(page, "VillageReview", "3月2日村民代表 9 人评议，同意纳入监测", "VillageReviewed");
        await Step(page, "TownshipCheck", "入户核实属实", "TownshipChecked");
        var confirm = page.Locator("form[data-action='CountyConfirm']");
        await confirm.Locator("select[name='Category']").SelectOptionAsync("SuddenHardship");
        await Step(page, "CountyConfirm", "确认为突发严重困难户", "Confirmed");

        Assert.Equal(4, await page.Locator("#timeline li").CountAsync());
        Assert.Equal(1, await page.Locator("form[data-action='AddMeasure']").CountAsync());   // the next step it offers
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the case page is {overflow} px wider than 360 px");
        await page.AssertAccessible("/county/cases/{id}");
        await page.Screenshot("county-case-confirmed");
        await context.CloseAsync();
        await farmerContext.CloseAsync();
    }

    /// <summary>Fills the step's form and sends it; the page comes back (same address) with the case at <paramref name="stage"/>.</summary>
    private static async Task Step(IPage page, string action, string note, string stage)
    {
        var form = page.Locator($"form[data-action='{action}']");
        await form.Locator("textarea[name='Note']").FillAsync(note);
        await form.Locator("button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#case-stage")).ToHaveAttributeAsync("data-stage", stage);
    }
}

using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// Issue 19 in the browser, each role in its area from a 360 px phone: 舍烹村's first secretary logs a visit that finds a
/// risk (a case opens) and holds the village's review, 普古乡's officer checks it, and 盘州市's officer finds it in the
/// county's list and confirms it.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class MonitoringCaseTests(BrowserApp app)
{
    [Fact]
    public async Task ACadresVisitIsReviewedCheckedAndConfirmedFromAPhone()
    {
        var (cadreContext, cadre) = await app.SignedIn("cadre.shepeng", 360);
        await cadre.GotoAsync("/monitoring/visits");
        await cadre.Locator("#visit-household").SelectOptionAsync("hh-pz06");                  // a household of 舍烹村
        await cadre.Locator("#visit-note").FillAsync("入户走访：户主务工受伤，今年收入大减");
        await cadre.Locator("#visit-risk").CheckAsync();
        await AssertFits(cadre, "/monitoring/visits");
        await cadre.Locator("#visit-form button[type='submit']").ClickAsync();
        await cadre.WaitForURLAsync("**/monitoring/cases/mc-v-*");
        var id = cadre.Url[(cadre.Url.LastIndexOf('/') + 1)..];
        Assert.Equal("Reported", await cadre.GetAttributeAsync("#case-stage", "data-stage"));
        Assert.Equal(["VillageReview", "Dismiss"], await Actions(cadre));                       // the village's steps only
        await Step(cadre, "VillageReview", "村民代表 9 人评议，同意纳入监测", "VillageReviewed");
        Assert.Empty(await Actions(cadre));                                                      // the township's turn
        await cadre.GotoAsync("/monitoring/visits");
        Assert.Equal(1, await cadre.Locator($".visit-row[data-household='hh-pz06'] a[href='/monitoring/cases/{id}']").CountAsync());
        await cadre.Screenshot("cadre-visits");

        var (townshipContext, township) = await app.SignedIn("township.pugu", 360);
        await township.GotoAsync($"/monitoring/cases/{id}");
        await Step(township, "TownshipCheck", "入户核实属实", "TownshipChecked");

        var (countyContext, county) = await app.SignedIn("county.panzhou", 360);
        await county.GotoAsync("/monitoring/cases?Stage=TownshipChecked");
        await county.Locator($".case-row[data-case='{id}'] a").ClickAsync();
        await county.WaitForURLAsync($"**/monitoring/cases/{id}");
        await county.Locator("form[data-action='CountyConfirm'] select[name='Category']").SelectOptionAsync("SuddenHardship");
        await Step(county, "CountyConfirm", "确认为突发严重困难户", "Confirmed");

        Assert.Equal(4, await county.Locator("#timeline li").CountAsync());
        Assert.Equal(["AddMeasure"], await Actions(county));                                    // the next step it offers
        await AssertFits(county, "/monitoring/cases/{id}");
        await county.Screenshot("county-case-confirmed");
        foreach (var context in new[] { cadreContext, townshipContext, countyContext }) await context.CloseAsync();
    }

    private static async Task<IReadOnlyList<string?>> Actions(IPage page) =>
        await page.Locator("form[data-action]").EvaluateAllAsync<string?[]>("forms => forms.map(f => f.dataset.action)");

    private static async Task AssertFits(IPage page, string path)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than 360 px");
        await page.AssertAccessible(path);
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

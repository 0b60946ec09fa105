using AgriLink.Browser.Tests.Infrastructure;
using AgriLink.Domain.Cooperatives;
using AgriLink.Grains.Cooperatives;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// 扶贫产品认定 granted and revoked from /operator/certifications (the listing page shows the badge, then not), refusals
/// shown on the page; and a cooperative suspended and reinstated from the admission queue, with its history.
/// Uses 修文's kiwi jam and 湄潭's tea cooperative, which no other browser test orders from or certifies.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class OperatorCertificationTests(BrowserApp app)
{
    private const string Listing = "lst-xwkiwijam";

    [Fact]
    public async Task OperatorGrantsACertificationAndRevokesIt()
    {
        var (context, page) = await app.SignedIn("operator", 1280);
        // 修文's listings only: the whole list runs to more than one page.
        await page.GotoAsync("/operator/certifications?cooperative=coop-xwkiwi");
        var card = page.Locator($"#listing-{Listing}");
        Assert.Equal("false", await card.GetAttributeAsync("data-certified"));

        // Without an approval number the API refuses, and the page says why.
        await card.Locator("form.grant button").ClickAsync();
        Assert.Contains("认定文号", await page.Locator(".validation-summary-errors").InnerTextAsync());

        await page.Locator($"#number-{Listing}").FillAsync("黔扶认〔2026〕0999号");
        await page.Locator($"#listing-{Listing} form.grant button").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains($"#listing-{Listing}", StringComparison.Ordinal));
        Assert.Contains("cooperative=coop-xwkiwi", page.Url, StringComparison.Ordinal); // back to the same filter
        Assert.Equal("true", await page.Locator($"#certified #listing-{Listing}").GetAttributeAsync("data-certified"));
        await page.Screenshot("operator-certifications");

        await page.GotoAsync($"/market/listings/{Listing}");
        Assert.Contains("黔扶认〔2026〕0999号", await page.Locator("#listing").InnerTextAsync());
        Assert.Equal(1, await page.Locator("#listing .badge").CountAsync());

        // Revoking needs a reason.
        await page.GotoAsync("/operator/certifications?cooperative=coop-xwkiwi");
        await page.Locator($"#listing-{Listing} form.revoke button").ClickAsync();
        Assert.Contains("理由", await page.Locator(".validation-summary-errors").InnerTextAsync());
        Assert.Equal("true", await page.Locator($"#listing-{Listing}").GetAttributeAsync("data-certified"));

        await page.Locator($"#reason-{Listing}").FillAsync("抽检不合格");
        await page.Locator($"#listing-{Listing} form.revoke button").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains($"#listing-{Listing}", StringComparison.Ordinal));
        var revoked = page.Locator($"#awaiting #listing-{Listing}");
        Assert.Equal("false", await revoked.GetAttributeAsync("data-certified"));
        var history = await revoked.Locator(".history li").AllTextContentsAsync(); // in a closed <details>: no inner text
        Assert.Equal(2, history.Count);
        Assert.Contains("抽检不合格", history[1]);

        await page.GotoAsync($"/market/listings/{Listing}");
        Assert.Equal(0, await page.Locator("#listing .badge").CountAsync());
        Assert.DoesNotContain("黔扶认〔2026〕0999号", await page.Locator("#listing").InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task CertificationsPageWorksAt360Pixels()
    {
        var (context, page) = await app.SignedIn("operator", 360);
        await page.GotoAsync("/operator/certifications");

        Assert.True(await page.Locator("#certified .card").CountAsync() >= 6, "the demo's six certified listings");
        Assert.True(await page.Locator("#awaiting .card").CountAsync() > 0);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page scrolls sideways at 360 px");
        await page.Screenshot("operator-certifications");

        await page.ClickAsync("form.lang button");
        await page.WaitForURLAsync("**/operator/certifications");
        Assert.Equal("Certified", (await page.Locator("#certified h2").InnerTextAsync())[..9]);
        Assert.Equal("Grant certification", await page.Locator("#awaiting form.grant button").First.InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task OperatorSuspendsACooperativeAndReinstatesIt()
    {
        var (context, page) = await app.SignedIn("operator", 1280);
        var admission = app.Services.GetRequiredService<IGrainFactory>().GetGrain<ICooperativeAdmissionGrain>("coop-mttea");
        try
        {
            await page.GotoAsync("/operator");
            var row = page.Locator("#admissions tr[data-cooperative=coop-mttea]");
            await row.Locator("details.suspend summary").ClickAsync();
            await row.Locator("select[name=SuspensionReason]").SelectOptionAsync("QualityComplaint");
            await row.Locator("input[name=Reason]").FillAsync("茶叶农残抽检超标");
            await row.Locator("details.suspend button").ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("#admissions", StringComparison.Ordinal));

            Assert.Equal("Suspended", await row.Locator(".status").GetAttributeAsync("data-status"));
            Assert.Equal(AdmissionStatus.Suspended, (await admission.Get()).Status);
            await row.Locator(".history summary").ClickAsync();
            Assert.Contains("茶叶农残抽检超标", await row.Locator(".history li[data-action=Suspend]").InnerTextAsync());
            await page.Screenshot("operator-admissions");

            await row.Locator("input[name=Note]").FillAsync("复检合格");
            await row.Locator("button", new() { HasText = "恢复准入" }).ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("#admissions", StringComparison.Ordinal));
            Assert.Equal("Approved", await row.Locator(".status").GetAttributeAsync("data-status"));
            Assert.Equal(1, await row.Locator(".history li[data-action=Reinstate]").CountAsync());
        }
        finally
        {
            if ((await admission.Get()).Status == AdmissionStatus.Suspended) await admission.Reinstate("test", "cleanup");
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task OtherRolesCannotOpenCertifications()
    {
        var (context, page) = await app.SignedIn("buyer.canteen", 360);

        var response = await page.GotoAsync("/operator/certifications");

        Assert.Equal(403, response?.Status);
        Assert.Equal(0, await page.Locator("form.grant").CountAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task TheFilterNarrowsByCooperativeCountyAndCertification()
    {
        var (context, page) = await app.SignedIn("operator", 1280);
        await page.GotoAsync("/operator/certifications");
        var all = await Total(page);
        var certifiedAll = await page.Locator("#certified").GetAttributeAsync("data-total");

        // One cooperative, chosen in the GET form: its listings, as the listing list gives them, and nothing else.
        await page.SelectOptionAsync("#filter-cooperative", "coop-pzcili");
        await page.ClickAsync("#filter button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("cooperative=coop-pzcili", StringComparison.Ordinal));
        Assert.Equal(await OpenListings(context, "cooperativeId=coop-pzcili"), await Shown(page));
        Assert.Equal(["coop-pzcili"], (await Attribute(page, "data-cooperative")).Distinct());
        Assert.True(await Total(page) < all, "the filter leaves other cooperatives out");
        Assert.Equal("coop-pzcili", await page.InputValueAsync("#filter-cooperative")); // the form shows the filter

        // One county (修文, 520123).
        await page.GotoAsync("/operator/certifications?county=520123");
        Assert.Equal(await OpenListings(context, "county=520123"), await Shown(page));
        Assert.Equal(["520123"], (await Attribute(page, "data-county")).Distinct());

        // Certified only, then not certified: the two add up to the whole list.
        await page.SelectOptionAsync("#filter-county", "");
        await page.SelectOptionAsync("#filter-certified", "true");
        await page.ClickAsync("#filter button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("certified=true", StringComparison.Ordinal));
        Assert.Equal(certifiedAll, await page.Locator("#certified").GetAttributeAsync("data-total"));
        Assert.Equal("0", await page.Locator("#awaiting").GetAttributeAsync("data-total"));
        Assert.Equal(["true"], (await Attribute(page, "data-certified")).Distinct());
        await page.Screenshot("operator-certifications-certified");
        await page.GotoAsync("/operator/certifications?certified=false");
        Assert.Equal(["false"], (await Attribute(page, "data-certified")).Distinct());
        Assert.Equal(all - int.Parse(certifiedAll!, System.Globalization.CultureInfo.InvariantCulture), await Total(page));

        // Combined: 从江's certified listings.
        await page.GotoAsync("/operator/certifications?cooperative=coop-cjxiang&certified=true");
        Assert.True(await page.Locator("li.card").CountAsync() > 0, "the demo certifies 从江's chicken, rice, bamboo shoots and fungus");
        Assert.Equal(["coop-cjxiang"], (await Attribute(page, "data-cooperative")).Distinct());
        Assert.Equal(["true"], (await Attribute(page, "data-certified")).Distinct());
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task ListingsArePagedTwentyAtATimeByPlainLinks(int width)
    {
        // No script: the pages are links and the filter a GET form.
        var (context, page) = await app.SignedIn("operator", width, javaScript: false);
        await page.GotoAsync("/operator/certifications");
        var total = await Total(page);
        Assert.True(total > Web.Pages.Operator.CertificationsModel.PageSize, $"the demo has more than a page of listings, not {total}");
        var pages = (total + Web.Pages.Operator.CertificationsModel.PageSize - 1) / Web.Pages.Operator.CertificationsModel.PageSize;
        Assert.Equal(0, await page.Locator("a[rel=prev]").CountAsync());
        await page.Screenshot("operator-certifications-paged");

        var seen = new List<string>();
        var certified = new List<string>();
        for (var number = 1; ; number++)
        {
            Assert.Equal($"第 {number} / {pages} 页", await page.InnerTextAsync("#page-of"));
            var shown = await Shown(page);
            certified.AddRange(await Attribute(page, "data-certified"));
            Assert.Equal(number < pages ? 20 : total - 20 * (pages - 1), shown.Count);
            Assert.Empty(shown.Intersect(seen));
            seen.AddRange(shown);
            if (number == pages) break;
            await page.ClickAsync("a[rel=next]");
            await page.WaitForURLAsync(u => u.Contains($"page={number + 1}", StringComparison.Ordinal));
        }
        Assert.Equal(0, await page.Locator("a[rel=next]").CountAsync());
        Assert.Equal(await OpenListings(context, null), seen.ToHashSet());

        // Certified first, across the pages: no certified listing after the first uncertified one.
        Assert.DoesNotContain("true", certified.SkipWhile(c => c == "true"));
        Assert.Contains("true", certified);

        await page.ClickAsync("a[rel=prev]");
        await page.WaitForURLAsync(u => !u.Contains($"page={pages}", StringComparison.Ordinal));
        Assert.Equal($"第 {pages - 1} / {pages} 页", await page.InnerTextAsync("#page-of"));

        // A page that is not a number from 1 is explained, not a failure.
        var response = await page.GotoAsync("/operator/certifications?page=0");
        Assert.Equal(200, response?.Status);
        Assert.Contains("页码", await page.InnerTextAsync(".validation-summary-errors"));
        Assert.Equal(0, await page.Locator("li.card").CountAsync());
        await context.CloseAsync();
    }

    private static async Task<int> Total(Microsoft.Playwright.IPage page) =>
        int.Parse(await page.Locator("#certified").GetAttributeAsync("data-total") ?? "", System.Globalization.CultureInfo.InvariantCulture)
        + int.Parse(await page.Locator("#awaiting").GetAttributeAsync("data-total") ?? "", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<HashSet<string>> Shown(Microsoft.Playwright.IPage page) =>
        (await Attribute(page, "data-listing")).ToHashSet();

    private static async Task<string[]> Attribute(Microsoft.Playwright.IPage page, string name) =>
        await page.Locator("li.card").EvaluateAllAsync<string[]>($"cards => cards.map(c => c.getAttribute('{name}'))");

    /// <summary>The listing list's answer for the filter, without the archived listings the page leaves out.</summary>
    private static async Task<HashSet<string>> OpenListings(Microsoft.Playwright.IBrowserContext context, string? filter)
    {
        var list = await CooperativeAdminTests.Json(context, "/api/listings?limit=200" + (filter is null ? "" : "&" + filter));
        return list.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("status").GetString() != "Archived")
            .Select(e => e.GetProperty("id").GetString()!).ToHashSet();
    }
}

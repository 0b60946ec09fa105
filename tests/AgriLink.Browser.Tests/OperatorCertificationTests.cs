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
    private const string Listing = "lst-xw-kiwi-jam";

    [Fact]
    public async Task OperatorGrantsACertificationAndRevokesIt()
    {
        var (context, page) = await app.SignedIn("operator", 1280);
        await page.GotoAsync("/operator/certifications");
        var card = page.Locator($"#listing-{Listing}");
        Assert.Equal("false", await card.GetAttributeAsync("data-certified"));

        // Without an approval number the API refuses, and the page says why.
        await card.Locator("form.grant button").ClickAsync();
        Assert.Contains("认定文号", await page.Locator(".validation-summary-errors").InnerTextAsync());

        await page.Locator($"#number-{Listing}").FillAsync("黔扶认〔2026〕0999号");
        await page.Locator($"#listing-{Listing} form.grant button").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains($"#listing-{Listing}", StringComparison.Ordinal));
        Assert.Equal("true", await page.Locator($"#certified #listing-{Listing}").GetAttributeAsync("data-certified"));
        await page.Screenshot("operator-certifications");

        await page.GotoAsync($"/market/listings/{Listing}");
        Assert.Contains("黔扶认〔2026〕0999号", await page.Locator("#listing").InnerTextAsync());
        Assert.Equal(1, await page.Locator("#listing .badge").CountAsync());

        // Revoking needs a reason.
        await page.GotoAsync("/operator/certifications");
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
}

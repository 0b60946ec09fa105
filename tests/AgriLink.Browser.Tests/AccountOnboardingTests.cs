using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using OtpNet;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// Issue 23 as the people starting a real installation meet it, in the browser: the operator invites a cooperative's
/// bookkeeper on a slip; the bookkeeper opens the link, sets a password, signs in and invites a member household; the
/// farmer opens the slip's link on a 360 px phone, signs in with the phone number and sees its own household only. An
/// invited operator is sent to set up an authenticator app, and signs in again with the app's code.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class AccountOnboardingTests(BrowserApp app)
{
    private const string Password = "稻花香里说丰年听取蛙声一片";

    [Fact]
    public async Task AnOperatorInvitesABookkeeperWhoInvitesAFarmerWhoSignsInOnThePhone()
    {
        var (operatorContext, operatorPage) = await app.SignedIn("operator", 1280);
        var bookkeeperSlip = await Invite(operatorPage, "CooperativeAdmin", "coop-xwkiwi", "修文猕猴桃社会计", phone: null);
        await operatorContext.CloseAsync();

        await using var bookkeeperContext = await app.NewContext(1280);
        var bookkeeper = await bookkeeperContext.NewPageAsync();
        var bookkeeperName = $"xw.kuaiji.{Guid.NewGuid():N}"[..20];
        await Activate(bookkeeper, bookkeeperSlip, bookkeeperName);
        await SignIn(bookkeeper, bookkeeperName, code: null);
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var farmerSlip = await Invite(bookkeeper, "Household", "hh-xw03", "修文农户", phone);

        await using var phoneContext = await app.NewContext(360);
        var farmer = await phoneContext.NewPageAsync();
        await Activate(farmer, farmerSlip, phone);
        await SignIn(farmer, phone, code: null);
        await farmer.GotoAsync("/household");
        await Assertions.Expect(farmer.Locator("h1")).ToBeVisibleAsync();
        Assert.False(await farmer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the household page scrolls sideways at 360 px");
        // Its own household, not a neighbour's (the cookie the pages use reaches the API too).
        Assert.Equal(200, (await farmer.APIRequest.GetAsync("/api/households/hh-xw03/holdings")).Status);
        Assert.Equal(403, (await farmer.APIRequest.GetAsync("/api/households/hh-xw01/holdings")).Status);
        await farmer.Screenshot("onboarding-farmer-household");
    }

    [Fact]
    public async Task AnInvitedOperatorSetsUpTheAuthenticatorAndSignsInWithItsCode()
    {
        var (operatorContext, operatorPage) = await app.SignedIn("operator", 1280);
        var slip = await Invite(operatorPage, "PlatformAdmin", objectId: null, "省平台值班员", phone: null);
        await operatorContext.CloseAsync();

        await using var context = await app.NewContext(360);
        var page = await context.NewPageAsync();
        var userName = $"ops.{Guid.NewGuid():N}"[..16];
        await Activate(page, slip, userName);
        await SignIn(page, userName, code: null);
        // Without a second factor an operator's pages send them to set one up.
        await page.GotoAsync("/operator");
        Assert.EndsWith("/account/two-factor", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        await page.ClickAsync("form[action*='handler=Setup'] button");
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Trim();
        var authenticator = new Totp(Base32Encoding.ToBytes(key));
        await page.FillAsync("#Code", authenticator.ComputeTotp(DateTime.UtcNow));
        await page.ClickAsync("form[action*='handler=Enable'] button");
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.Screenshot("onboarding-operator-recovery-codes");

        // Turning it on ended the session: the password alone asks for the code; the app's next code signs in.
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator(".validation-summary-errors")).ToContainTextAsync("6 位验证码");
        await SignIn(page, userName, authenticator.ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        var dashboard = await page.GotoAsync("/operator");
        Assert.Equal(200, dashboard!.Status);
        Assert.EndsWith("/operator", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>Fills the invitation form; answers the slip's activation link as a path (the slip shows the public origin).</summary>
    private static async Task<string> Invite(IPage page, string role, string? objectId, string displayName, string? phone)
    {
        await page.GotoAsync("/account/invite");
        await page.SelectOptionAsync("#Role", role);
        if (objectId is not null) await page.FillAsync("#ObjectId", objectId);
        await page.FillAsync("#DisplayName", displayName);
        if (phone is not null) await page.FillAsync("#Phone", phone);
        await page.ClickAsync("main form:not([action]) button[type=submit]");
        await Assertions.Expect(page.Locator("#code")).ToBeVisibleAsync();
        Assert.Equal(1, await page.Locator("section.slip img[src^='data:image/png;base64,']").CountAsync());
        var link = new Uri((await page.Locator("#link").InnerTextAsync()).Trim());
        Assert.Contains(Uri.EscapeDataString((await page.Locator("#code").InnerTextAsync()).Trim()), link.Query, StringComparison.Ordinal);
        return link.PathAndQuery;
    }

    /// <summary>Opens the slip's link (as its QR code would): the code is filled in; the person picks a name and password.</summary>
    private static async Task Activate(IPage page, string link, string userName)
    {
        await page.GotoAsync(link);
        Assert.False(string.IsNullOrEmpty(await page.InputValueAsync("#Code")));
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("#opened")).ToHaveTextAsync(userName);
    }

    private static async Task SignIn(IPage page, string userName, string? code)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", Password);
        if (code is not null) await page.FillAsync("#TwoFactorCode", code);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 15_000 });
    }
}

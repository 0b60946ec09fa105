using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Accounts;
using AgriLink.Web.Auth;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Accounts;

/// <summary>
/// Issue 23: platform operators, and whoever approves or pays dividends, act only in a session signed in with an
/// authenticator app's code (or a recovery code); without one they get a 403 that names the reason. Demo accounts are
/// exempt (published password, removed before real use); the demo's operator.2fa shows the sign-in with a printed key.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class TwoFactorTests(SeededApp app)
{
    [Fact]
    public async Task AnInvitedOperatorActsOnlyAfterSigningInWithTheAuthenticator()
    {
        var (client, userName) = await app.InvitedAccount(await app.As("operator"), Roles.PlatformAdmin, null);

        using (var refused = await client.Get("/api/audit"))
        {
            var problem = await refused.AssertProblem(HttpStatusCode.Forbidden);
            Assert.Equal("urn:agrilink:problem:" + TwoFactorRequirement.Code, (string?)problem["type"]);
        }
        Assert.False((bool)(await client.GetObject("/api/account/two-factor"))["enabled"]!);

        var key = await SetUp(client);
        JsonObject recovery;
        using (var enable = await client.PostJson("/api/account/two-factor/enable", new { code = Totp.Code(key) })) recovery = await enable.AssertOk();
        var codes = recovery["recoveryCodes"]!.AsArray().Select(c => (string)c!).ToList();
        Assert.Equal(10, codes.Count);
        // Turning it on ends the session it was set up in: the next sign-in gives the code.
        Assert.Equal(HttpStatusCode.Unauthorized, await client.StatusOf("/api/auth/me"));

        using (var passwordOnly = await app.Anonymous().PostLogin(userName, AccountFlows.NewPassword))
            Assert.Equal("urn:agrilink:problem:sign-in-two-factor", (string?)(await passwordOnly.AssertProblem(HttpStatusCode.Unauthorized))["type"]);
        using (var wrongCode = await app.Anonymous().PostJson("/api/auth/login",
                   new { userName, password = AccountFlows.NewPassword, twoFactorCode = "000000" }))
            Assert.Equal("urn:agrilink:problem:sign-in-failed", (string?)(await wrongCode.AssertProblem(HttpStatusCode.Unauthorized))["type"]);

        // The code that turned it on is used up: the sign-in gives the app's next one.
        var withCode = await SignIn(userName, new { userName, password = AccountFlows.NewPassword, twoFactorCode = Totp.Code(key, Next) });
        Assert.Equal(HttpStatusCode.OK, await withCode.StatusOf("/api/audit"));
        var withRecovery = await SignIn(userName, new { userName, password = AccountFlows.NewPassword, twoFactorRecoveryCode = codes[0] });
        Assert.Equal(HttpStatusCode.OK, await withRecovery.StatusOf("/api/audit"));
        Assert.Contains(await withCode.GetArray($"/api/audit?actor={userName}"), e => (string?)e!["action"] == "account.two-factor-on");
        Assert.Contains(await withCode.GetArray("/api/account/sign-ins"), s => (string?)s!["method"] == "password+recovery-code");
    }

    [Fact]
    public async Task ApprovingOrPayingDividendsWithoutASecondFactorIsRefusedWithTheReason()
    {
        var (admin, _) = await app.InvitedAccount(await app.As("operator"), Roles.CooperativeAdmin, "coop-mttea");

        foreach (var action in new[] { "approve", "pay" })
        {
            using var refused = await admin.Post($"/api/cooperatives/coop-mttea/dividends/2025/{action}");
            var problem = await refused.AssertProblem(HttpStatusCode.Forbidden);
            Assert.Equal("urn:agrilink:problem:" + TwoFactorRequirement.Code, (string?)problem["type"]);
        }
        // Of another cooperative: the plain refusal, not a hint to set up two factors.
        using var foreign = await admin.Post("/api/cooperatives/coop-pzcili/dividends/2025/approve");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.DoesNotContain(TwoFactorRequirement.Code, await foreign.Content.ReadAsStringAsync(Api.Ct), StringComparison.Ordinal);
        // The rest of the cooperative's work needs no second factor.
        Assert.Equal(HttpStatusCode.OK, await admin.StatusOf("/api/cooperatives/coop-mttea/shares"));
    }

    [Fact]
    public async Task TheDemoTwoFactorOperatorSignsInWithThePublishedKey()
    {
        using (var passwordOnly = await app.Anonymous().PostLogin(DemoData.TwoFactorOperator, DemoData.Password))
            await passwordOnly.AssertProblem(HttpStatusCode.Unauthorized);

        var client = await SignIn(DemoData.TwoFactorOperator,
            new { userName = DemoData.TwoFactorOperator, password = DemoData.Password, twoFactorCode = Totp.Code(DemoData.TwoFactorKey) });

        Assert.Equal(HttpStatusCode.OK, await client.StatusOf("/api/audit"));
        Assert.True((bool)(await client.GetObject("/api/account/two-factor"))["thisSessionUsedIt"]!);
    }

    [Fact]
    public async Task EachCodeFromTheAppSignsInOnce()
    {
        var (client, userName) = await app.InvitedAccount(await app.As("operator"), Roles.PlatformAdmin, null);
        var key = await SetUp(client);
        var now = Totp.Code(key);
        using (var enable = await client.PostJson("/api/account/two-factor/enable", new { code = now })) await enable.AssertOk();

        var next = Totp.Code(key, Next);
        Assert.NotEqual(now, next);
        await AssertSignInRefused(userName, now); // used to turn it on
        var signedIn = await SignIn(userName, new { userName, password = AccountFlows.NewPassword, twoFactorCode = next });
        Assert.Equal(HttpStatusCode.OK, await signedIn.StatusOf("/api/audit"));
        await AssertSignInRefused(userName, next); // seen once, by someone looking on, it signs in nobody else
        await AssertSignInRefused(userName, Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(-30))); // nor does an older one still in the window
    }

    [Fact]
    public async Task ASecondFactorCarriesOverToRefreshedTokens()
    {
        // An invited operator of its own (the demo's key is another test's, and each of its codes signs in once).
        var (client, userName) = await app.InvitedAccount(await app.As("operator"), Roles.PlatformAdmin, null);
        var key = await SetUp(client);
        using (var enable = await client.PostJson("/api/account/two-factor/enable", new { code = Totp.Code(key) })) await enable.AssertOk();
        var body = new { userName, password = AccountFlows.NewPassword, twoFactorCode = Totp.Code(key, Next) };
        JsonObject tokens;
        using (var login = await app.Anonymous().PostJson("/api/auth/login", body)) tokens = await login.AssertOk();
        JsonObject refreshed;
        using (var refresh = await app.Anonymous().PostJson("/api/auth/refresh", new { refreshToken = (string)tokens["refreshToken"]! }))
            refreshed = await refresh.AssertOk();

        var afterRefresh = app.Anonymous().WithBearer((string)refreshed["accessToken"]!);
        Assert.Equal(HttpStatusCode.OK, await afterRefresh.StatusOf("/api/audit"));
    }

    [Fact]
    public async Task SettingUpNeedsTheAppsCurrentCode()
    {
        var (client, _) = await app.InvitedAccount(await app.As("coop.panzhou"), Roles.Household, "hh-pz02");
        await SetUp(client);

        using var wrong = await client.PostJson("/api/account/two-factor/enable", new { code = "123456" });

        await wrong.AssertValidationProblem("code");
        Assert.False((bool)(await client.GetObject("/api/account/two-factor"))["enabled"]!);
    }

    /// <summary>The app's next code is accepted (Identity's window: two steps either way) once the current one is used.</summary>
    private static DateTimeOffset Next => DateTimeOffset.UtcNow.AddSeconds(30);

    private async Task AssertSignInRefused(string userName, string code)
    {
        using var refused = await app.Anonymous().PostJson("/api/auth/login", new { userName, password = AccountFlows.NewPassword, twoFactorCode = code });
        Assert.Equal("urn:agrilink:problem:sign-in-failed", (string?)(await refused.AssertProblem(HttpStatusCode.Unauthorized))["type"]);
    }

    private static async Task<string> SetUp(HttpClient client)
    {
        using var setup = await client.Post("/api/account/two-factor/setup");
        var body = await setup.AssertOk();
        var key = (string)body["sharedKey"]!;
        Assert.Contains($"secret={key}", (string?)body["authenticatorUri"]);
        return key;
    }

    private async Task<HttpClient> SignIn(string userName, object body)
    {
        using var login = await app.Anonymous().PostJson("/api/auth/login", body);
        var tokens = await login.AssertOk();
        Assert.False(string.IsNullOrEmpty(userName));
        return app.Anonymous().WithBearer((string)tokens["accessToken"]!);
    }
}

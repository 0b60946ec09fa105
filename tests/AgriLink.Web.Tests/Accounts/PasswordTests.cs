using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgriLink.Web.Auth;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Accounts;

/// <summary>
/// Issue 23: people change their own password (the current one required), an administrator issues a one-time reset code
/// to someone they invited, a forgotten password is reset by a code sent through the SMS seam; each ends the account's
/// other sessions and refresh tokens, and each is audited.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed partial class PasswordTests(SeededApp app)
{
    private const string Changed = "猕猴桃熟了大木村2027";

    [Fact]
    public async Task ChangingThePasswordEndsEveryOtherSessionAndRefreshToken()
    {
        var (client, userName) = await app.InvitedAccount(await app.As("operator"), Roles.EnterpriseAdmin, "ent-qianfeng");
        var other = await SignIn(userName, AccountFlows.NewPassword);
        var otherClient = app.Anonymous().WithBearer((string)other["accessToken"]!);
        Assert.Equal(HttpStatusCode.OK, await otherClient.StatusOf("/api/auth/me"));

        using (var change = await client.PostJson("/api/account/password", new { currentPassword = AccountFlows.NewPassword, newPassword = Changed }))
            Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await otherClient.StatusOf("/api/auth/me"));
        using (var refresh = await app.Anonymous().PostJson("/api/auth/refresh", new { refreshToken = (string)other["refreshToken"]! }))
            Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        using (var old = await app.Anonymous().PostLogin(userName, AccountFlows.NewPassword))
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        await app.Anonymous().LoginAsync(userName, Changed);
        var audit = await (await app.As("operator")).GetArray($"/api/audit?actor={userName}");
        Assert.Contains(audit, e => (string?)e!["action"] == "account.password-change");
    }

    [Fact]
    public async Task AWrongCurrentPasswordOrAWeakNewOneChangesNothing()
    {
        var (client, userName) = await app.InvitedAccount(await app.As("operator"), Roles.EnterpriseAdmin, "ent-qianfeng");

        using (var wrong = await client.PostJson("/api/account/password", new { currentPassword = "not-my-password", newPassword = Changed }))
            await wrong.AssertValidationProblem("currentPassword");
        using (var weak = await client.PostJson("/api/account/password", new { currentPassword = AccountFlows.NewPassword, newPassword = "1234567890" }))
            await weak.AssertValidationProblem("newPassword");
        using (var anonymous = await app.Anonymous().PostJson("/api/account/password", new { currentPassword = "x", newPassword = Changed }))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        Assert.Equal(HttpStatusCode.OK, await client.StatusOf("/api/auth/me"));
        await app.Anonymous().LoginAsync(userName, AccountFlows.NewPassword);
    }

    [Fact]
    public async Task TheInvitingAdminIssuesAOneTimeResetCodeThatEndsTheSessions()
    {
        var admin = await app.As("coop.panzhou");
        var (farmer, userName) = await app.InvitedAccount(admin, Roles.Household, "hh-pz03");

        using (var byStranger = await (await app.As("coop.xiuwen")).Post($"/api/accounts/{userName}/reset-code"))
            Assert.Equal(HttpStatusCode.Forbidden, byStranger.StatusCode);
        using (var byHousehold = await (await app.As("farmer.pz01")).Post($"/api/accounts/{userName}/reset-code"))
            Assert.Equal(HttpStatusCode.Forbidden, byHousehold.StatusCode);
        using (var unknown = await admin.Post("/api/accounts/nobody.here/reset-code"))
            Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await farmer.StatusOf("/api/auth/me"));

        JsonObject issued;
        using (var reset = await admin.Post($"/api/accounts/{userName}/reset-code")) issued = await reset.AssertOk(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Unauthorized, await farmer.StatusOf("/api/auth/me"));

        var code = (string)issued["code"]!;
        using (var set = await app.Anonymous().PostJson("/api/account/password/reset", new { code, newPassword = Changed })) await set.AssertOk();
        await app.Anonymous().LoginAsync(userName, Changed);
        using (var again = await app.Anonymous().PostJson("/api/account/password/reset", new { code, newPassword = "另一个新的长密码2028" }))
            Assert.Equal("urn:agrilink:problem:account.code-used", (string?)(await again.AssertProblem(HttpStatusCode.Conflict))["type"]);
        await app.Anonymous().LoginAsync(userName, Changed);

        var entries = await (await app.As("operator")).GetArray($"/api/audit?resourceType=account&actor=coop.panzhou");
        Assert.Contains(entries, e => (string?)e!["action"] == "account.reset-code");
        Assert.Contains(await (await app.As("operator")).GetArray($"/api/audit?actor={userName}"), e => (string?)e!["action"] == "account.password-reset");
    }

    [Fact]
    public async Task AForgottenPasswordIsResetByACodeSentToThePhone()
    {
        var phone = "137" + Random.Shared.Next(10_000_000, 99_999_999);
        var issued = await (await app.As("coop.panzhou")).Invite(Roles.Household, "hh-pz01", phone);
        using (var activated = await app.Anonymous().Activate((string)issued["code"]!, phone)) await activated.AssertOk();

        using (var unknown = await app.Anonymous().PostJson("/api/account/password/forgot", new { userName = "nobody.at.all" }))
            Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        using (var forgot = await app.Anonymous().PostJson("/api/account/password/forgot", new { userName = phone }))
            Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);

        var sms = Assert.Single(app.Factory.Messages.To(phone));
        var code = SentCode().Match(sms).Value;
        using (var set = await app.Anonymous().PostJson("/api/account/password/reset", new { code, newPassword = Changed })) await set.AssertOk();
        await app.Anonymous().LoginAsync(phone, Changed);
    }

    [Fact]
    public async Task SigningOutEverywhereEndsEverySessionAndTheSignInsAreListed()
    {
        var (client, userName) = await app.InvitedAccount(await app.As("operator"), Roles.EnterpriseAdmin, "ent-panshan");
        var other = app.Anonymous().WithBearer(await app.Anonymous().LoginAsync(userName, AccountFlows.NewPassword));

        var signIns = await client.GetArray("/api/account/sign-ins");
        Assert.Equal(2, signIns.Count);
        Assert.All(signIns, s => Assert.Equal("password", (string?)s!["method"]));

        using (var everywhere = await client.Post("/api/account/sign-out-everywhere"))
            Assert.Equal(HttpStatusCode.NoContent, everywhere.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await client.StatusOf("/api/auth/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, await other.StatusOf("/api/auth/me"));
        await app.Anonymous().LoginAsync(userName, AccountFlows.NewPassword);
    }

    private async Task<JsonObject> SignIn(string userName, string password)
    {
        using var response = await app.Anonymous().PostLogin(userName, password);
        return await response.AssertOk();
    }

    [GeneratedRegex("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}")]
    private static partial Regex SentCode();
}

using System.Net;
using AgriLink.Web.Auth;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Accounts;

/// <summary>
/// Issue 23, "leaving": whoever invited an account (or an operator) disables it or takes a role or an object from it;
/// the change holds at once — its sessions end, and the next sign-in reaches only what is left — and is audited.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class AccountManagementTests(SeededApp app)
{
    [Fact]
    public async Task ADisabledAccountLosesItsSessionsAndCannotSignInUntilEnabled()
    {
        var admin = await app.As("coop.panzhou");
        var (farmer, userName) = await app.InvitedAccount(admin, Roles.Household, "hh-pz02");

        using (var byStranger = await (await app.As("coop.meitan")).Post($"/api/accounts/{userName}/disable"))
            Assert.Equal(HttpStatusCode.Forbidden, byStranger.StatusCode);
        using (var disable = await admin.Post($"/api/accounts/{userName}/disable"))
            Assert.True((bool)(await disable.AssertOk())["disabled"]!);

        Assert.Equal(HttpStatusCode.Unauthorized, await farmer.StatusOf("/api/auth/me"));
        using (var refused = await app.Anonymous().PostLogin(userName, AccountFlows.NewPassword))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using (var enable = await admin.Post($"/api/accounts/{userName}/enable")) await enable.AssertOk();
        await app.Anonymous().LoginAsync(userName, AccountFlows.NewPassword);
        var audit = await (await app.As("operator")).GetArray("/api/audit?resourceType=account&actor=coop.panzhou");
        Assert.Contains(audit, e => (string?)e!["action"] == "account.disable");
        Assert.Contains(audit, e => (string?)e!["action"] == "account.enable");
    }

    [Fact]
    public async Task RemovingAnObjectLeavesTheAccountWithoutItAtOnce()
    {
        var operatorClient = await app.As("operator");
        var (admin, userName) = await app.InvitedAccount(operatorClient, Roles.CooperativeAdmin, "coop-cjxiang");
        await admin.AssertReachesOnly("/api/cooperatives/coop-cjxiang/shares");

        using (var unknownObject = await operatorClient.PostJson($"/api/accounts/{userName}/remove-access", new { role = Roles.CooperativeAdmin, objectId = "coop-pzcili" }))
            await unknownObject.AssertValidationProblem("objectId");
        using (var remove = await operatorClient.PostJson($"/api/accounts/{userName}/remove-access", new { role = Roles.CooperativeAdmin, objectId = "coop-cjxiang" }))
        {
            var after = await remove.AssertOk();
            Assert.Empty(after["roles"]!.AsArray());
            Assert.Empty(after["objects"]!.AsArray());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await admin.StatusOf("/api/cooperatives/coop-cjxiang/shares"));
        var again = app.Anonymous().WithBearer(await app.Anonymous().LoginAsync(userName, AccountFlows.NewPassword));
        Assert.Equal(HttpStatusCode.Forbidden, await again.StatusOf("/api/cooperatives/coop-cjxiang/shares"));
        var entry = Assert.Single(await operatorClient.GetArray($"/api/audit?resourceType=account&actor=operator&limit=200"),
            e => (string?)e!["action"] == "account.remove-access" && ((string?)e["before"])!.Contains(userName, StringComparison.Ordinal));
        Assert.Contains("coop-cjxiang", (string?)entry!["before"]);
    }

    [Fact]
    public async Task OperatorsDoNotManageOtherOperatorsTheyDidNotInvite()
    {
        using var other = await (await app.As("operator")).Get("/api/accounts/operator.2fa");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var self = await (await app.As("operator")).Post("/api/accounts/operator/disable");
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
    }
}

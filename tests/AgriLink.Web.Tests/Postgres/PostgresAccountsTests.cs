using System.Net;
using AgriLink.Web.Auth;
using AgriLink.Web.Tests.Accounts;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Postgres;

/// <summary>Issue 23 on PostgreSQL: the accounts' tables are made there, a code opens one account even when used twice at once, and the audit entries commit with the change.</summary>
public sealed class PostgresAccountsTests
{
    [Fact]
    public async Task AnInvitationOpensOneAccountOnPostgresEvenWhenUsedTwiceAtOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var folder = new TempFolder();
        await using var app = PostgresApps.Start(folder.Path, PostgresApps.Settings(database, seedDemo: true));
        var signIn = new DemoSignIn(app);
        var issued = await (await signIn.As("operator")).Invite(Roles.CooperativeAdmin, "coop-xwkiwi");
        var code = (string)issued["code"]!;
        var names = new[] { AccountFlows.UniqueName("pg"), AccountFlows.UniqueName("pg") };

        var attempts = await Task.WhenAll(names.Select(n => signIn.Anonymous().Activate(code, n)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], attempts.Select(a => a.StatusCode).Order());
        var winner = names[Array.FindIndex(attempts, a => a.StatusCode == HttpStatusCode.OK)];
        var client = signIn.Anonymous().WithBearer(await signIn.Anonymous().LoginAsync(winner, AccountFlows.NewPassword));
        await client.AssertReachesOnly("/api/cooperatives/coop-xwkiwi/shares", "/api/cooperatives/coop-pzcili/shares");
        using (var change = await client.PostJson("/api/account/password", new { currentPassword = AccountFlows.NewPassword, newPassword = "贵州修文猕猴桃2027年" }))
            Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await client.StatusOf("/api/auth/me"));
        Assert.Equal(1L, await database.CountAsync("account_codes"));
        var audit = await (await signIn.As("operator")).GetArray($"/api/audit?actor={winner}");
        Assert.Equal(["account.password-change", "account.activate"], audit.Select(e => (string?)e!["action"]));
        foreach (var attempt in attempts) attempt.Dispose();
    }
}

using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Auth;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Accounts;

/// <summary>
/// Issue 23: accounts are opened by invitation, per role and object. Each path end to end — invite, activate with one's
/// own password, sign in — reaches exactly the invited object, not its neighbours; a code is used once, and an expired,
/// revoked or used one is refused without changing anything.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class InvitationTests(SeededApp app)
{
    [Fact]
    public async Task AnOperatorInvitesACooperativeAdminWhoReachesThatCooperativeOnly()
    {
        var (admin, _) = await app.InvitedAccount(await app.As("operator"), Roles.CooperativeAdmin, "coop-xwkiwi");

        await admin.AssertReachesOnly("/api/cooperatives/coop-xwkiwi/shares", "/api/cooperatives/coop-pzcili/shares");
        var me = await admin.GetObject("/api/auth/me");
        Assert.Equal(["coop-xwkiwi"], me["cooperatives"]!.AsArray().Select(c => (string?)c));
        Assert.Equal([Roles.CooperativeAdmin], me["roles"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public async Task AnOperatorInvitesEnterpriseAndBuyerAdminsAndCountyOfficers()
    {
        var operatorClient = await app.As("operator");

        var (enterprise, _) = await app.InvitedAccount(operatorClient, Roles.EnterpriseAdmin, "ent-panshan");
        await enterprise.AssertReachesOnly("/api/enterprises/ent-panshan/holdings", "/api/enterprises/ent-qianfeng/holdings");

        var (buyer, _) = await app.InvitedAccount(operatorClient, Roles.Buyer, "buyer-qianneng");
        await buyer.AssertReachesOnly("/api/buyers/buyer-qianneng", "/api/buyers/buyer-gzcanteen");

        var (officer, _) = await app.InvitedAccount(operatorClient, Roles.CountyOfficer, "520123");
        var me = await officer.GetObject("/api/auth/me");
        Assert.Equal([Roles.CountyOfficer], me["roles"]!.AsArray().Select(r => (string?)r));
        Assert.Equal(HttpStatusCode.Forbidden, await officer.StatusOf("/api/audit"));
    }

    [Fact]
    public async Task ACooperativeAdminInvitesItsMemberHouseholdWhoSignsInWithItsPhoneNumber()
    {
        var admin = await app.As("coop.panzhou");
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var issued = await admin.Invite(Roles.Household, "hh-pz02", phone);
        Assert.Equal(phone, (string?)issued["record"]!["phone"]);
        Assert.StartsWith("http", (string?)issued["link"]);
        Assert.Contains(Uri.EscapeDataString((string)issued["code"]!), (string?)issued["link"]);

        using (var activated = await app.Anonymous().Activate((string)issued["code"]!, phone)) await activated.AssertOk();
        var farmer = app.Anonymous().WithBearer(await app.Anonymous().LoginAsync(phone, AccountFlows.NewPassword));

        await farmer.AssertReachesOnly("/api/households/hh-pz02/holdings", "/api/households/hh-pz01/holdings", "/api/households/hh-pz03/holdings");
    }

    [Fact]
    public async Task ACooperativeAdminCannotInviteAHouseholdOfAnotherCooperativeNorAnyOtherRole()
    {
        var admin = await app.As("coop.panzhou");

        using var foreign = await admin.SendJson(HttpMethod.Post, "/api/account/invitations", AccountFlows.Invitation(Roles.Household, "hh-cj02"));
        using var unknown = await admin.SendJson(HttpMethod.Post, "/api/account/invitations", AccountFlows.Invitation(Roles.Household, "hh-nosuch01"));
        using var colleague = await admin.SendJson(HttpMethod.Post, "/api/account/invitations", AccountFlows.Invitation(Roles.CooperativeAdmin, "coop-pzcili"));
        using var operatorRole = await admin.SendJson(HttpMethod.Post, "/api/account/invitations", AccountFlows.Invitation(Roles.PlatformAdmin, null));

        Assert.All(new[] { foreign, unknown, colleague, operatorRole }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        // Nothing was issued.
        Assert.DoesNotContain((await admin.GetArray("/api/account/invitations")).Select(i => (string?)i!["objectId"]), id => id is "hh-cj02" or "hh-nosuch01");
        // A household cannot invite at all.
        using var byFarmer = await (await app.As("farmer.pz01")).SendJson(HttpMethod.Post, "/api/account/invitations",
            AccountFlows.Invitation(Roles.Household, "hh-pz01"));
        Assert.Equal(HttpStatusCode.Forbidden, byFarmer.StatusCode);
    }

    [Fact]
    public async Task ABuyerInvitesItsStaffAndItsUnionButNoOtherBuyer()
    {
        var canteen = await app.As("buyer.canteen");

        var (staff, _) = await app.InvitedAccount(canteen, Roles.Buyer, "buyer-gzcanteen");
        await staff.AssertReachesOnly("/api/buyers/buyer-gzcanteen", "/api/buyers/buyer-qianneng");

        var (union, _) = await app.InvitedAccount(canteen, Roles.Buyer, "buyer-gzunion");
        await union.AssertReachesOnly("/api/buyers/buyer-gzunion", "/api/buyers/buyer-gzcanteen");

        using var other = await canteen.SendJson(HttpMethod.Post, "/api/account/invitations", AccountFlows.Invitation(Roles.Buyer, "buyer-qianneng"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var admin = await canteen.SendJson(HttpMethod.Post, "/api/account/invitations", AccountFlows.Invitation(Roles.CooperativeAdmin, "coop-pzcili"));
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }

    [Fact]
    public async Task ACodeOpensOneAccountOnce()
    {
        var issued = await (await app.As("operator")).Invite(Roles.EnterpriseAdmin, "ent-qianfeng");
        var code = (string)issued["code"]!;
        var first = AccountFlows.UniqueName("ent");
        var second = AccountFlows.UniqueName("ent");

        using (var activated = await app.Anonymous().Activate(code, first)) await activated.AssertOk();
        using var reused = await app.Anonymous().Activate(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), second);

        var problem = await reused.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("urn:agrilink:problem:account.code-used", (string?)problem["type"]);
        Assert.False(await app.Factory.AccountExists(second));
    }

    [Fact]
    public async Task OfTwoActivationsAtOnceOneWins()
    {
        var issued = await (await app.As("operator")).Invite(Roles.EnterpriseAdmin, "ent-panshan");
        var names = new[] { AccountFlows.UniqueName("ent"), AccountFlows.UniqueName("ent") };

        var attempts = await Task.WhenAll(names.Select(n => app.Anonymous().Activate((string)issued["code"]!, n)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], attempts.Select(a => a.StatusCode).Order());
        Assert.Equal(1, (await Task.WhenAll(names.Select(app.Factory.AccountExists))).Count(exists => exists));
        foreach (var attempt in attempts) attempt.Dispose();
    }

    [Fact]
    public async Task ExpiredRevokedAndUnknownCodesAreRefusedAndOpenNothing()
    {
        var operatorClient = await app.As("operator");
        var expired = await operatorClient.Invite(Roles.CooperativeAdmin, "coop-mttea");
        var revoked = await operatorClient.Invite(Roles.CooperativeAdmin, "coop-mttea");
        await app.Factory.Expire((string)expired["record"]!["id"]!);
        using (var revoke = await operatorClient.Post($"/api/account/invitations/{(string)revoked["record"]!["id"]!}/revoke"))
            Assert.Equal("Revoked", (string?)(await revoke.AssertOk())["status"]);
        var names = Enumerable.Range(0, 3).Select(_ => AccountFlows.UniqueName("coop")).ToArray();

        using var late = await app.Anonymous().Activate((string)expired["code"]!, names[0]);
        using var withdrawn = await app.Anonymous().Activate((string)revoked["code"]!, names[1]);
        using var madeUp = await app.Anonymous().Activate("ABCD-EFGH-JKMN-PQRS-TUVW", names[2]);

        Assert.Equal("urn:agrilink:problem:account.code-expired", (string?)(await late.AssertProblem(HttpStatusCode.Conflict))["type"]);
        Assert.Equal("urn:agrilink:problem:account.code-revoked", (string?)(await withdrawn.AssertProblem(HttpStatusCode.Conflict))["type"]);
        Assert.Equal("urn:agrilink:problem:account.code-unknown", (string?)(await madeUp.AssertProblem(HttpStatusCode.UnprocessableEntity))["type"]);
        foreach (var name in names) Assert.False(await app.Factory.AccountExists(name));
        Assert.Null((await app.Factory.Code((string)expired["record"]!["id"]!)).UsedAt);
        // A revoked code is not revoked twice.
        using var again = await operatorClient.Post($"/api/account/invitations/{(string)revoked["record"]!["id"]!}/revoke");
        await again.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task OnlyTheIssuerOrAnOperatorRevokesAndTheCodeIsStoredOnlyHashed()
    {
        var issued = await (await app.As("coop.panzhou")).Invite(Roles.Household, "hh-pz03");
        var id = (string)issued["record"]!["id"]!;

        using var byOther = await (await app.As("coop.xiuwen")).Post($"/api/account/invitations/{id}/revoke");
        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);

        var row = await app.Factory.Code(id);
        var code = (string)issued["code"]!;
        Assert.Null(row.RevokedAt);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), row.CodeHash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(64, row.CodeHash.Length);
        Assert.True(row.ExpiresAt - row.CreatedAt == (long)TimeSpan.FromDays(7).TotalMilliseconds);
        // The issuer's list shows the record, never the code.
        var listed = (await (await app.As("coop.panzhou")).GetArray("/api/account/invitations")).Single(i => (string?)i!["id"] == id)!;
        Assert.DoesNotContain(code, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Open", (string?)listed["status"]);
    }

    [Fact]
    public async Task TheIssuedCodesArePagedNewestFirst()
    {
        var (buyer, _) = await app.InvitedAccount(await app.As("operator"), Roles.Buyer, "buyer-ewpartner");
        var issued = new List<string>();
        for (var i = 0; i < 3; i++) issued.Add((string)(await buyer.Invite(Roles.Buyer, "buyer-ewpartner"))["record"]!["id"]!);

        var first = await buyer.GetArray("/api/account/invitations?limit=2");
        var rest = await buyer.GetArray($"/api/account/invitations?limit=2&beforeId={(string)first[1]!["id"]!}");

        Assert.Equal(Enumerable.Reverse(issued), first.Concat(rest).Select(c => (string)c!["id"]!));
    }

    [Fact]
    public async Task ActivationChecksThePasswordAndTheUserName()
    {
        var issued = await (await app.As("operator")).Invite(Roles.EnterpriseAdmin, "ent-qianfeng");
        var code = (string)issued["code"]!;

        using (var tooShort = await app.Anonymous().Activate(code, AccountFlows.UniqueName("ent"), "short123"))
            await tooShort.AssertValidationProblem("password");
        using (var common = await app.Anonymous().Activate(code, AccountFlows.UniqueName("ent"), "qwertyuiop123"))
            await common.AssertValidationProblem("password");
        using (var taken = await app.Anonymous().Activate(code, "operator"))
            Assert.Equal("urn:agrilink:problem:account.user-name-taken", (string?)(await taken.AssertProblem(HttpStatusCode.Conflict))["type"]);
        // None of those used the code up.
        Assert.Null((await app.Factory.Code((string)issued["record"]!["id"]!)).UsedAt);
        using (var fine = await app.Anonymous().Activate(code, AccountFlows.UniqueName("ent"))) await fine.AssertOk();
    }

    [Fact]
    public async Task InvitationsAreCheckedAndAnInvitationForAnUnknownObjectIsRefused()
    {
        var operatorClient = await app.As("operator");

        using var noRole = await operatorClient.SendJson(HttpMethod.Post, "/api/account/invitations", new JsonObject { ["displayName"] = "x" });
        await noRole.AssertValidationProblem("role");
        using var badRole = await operatorClient.SendJson(HttpMethod.Post, "/api/account/invitations", AccountFlows.Invitation("Root", "x"));
        await badRole.AssertValidationProblem("role");
        using var noObject = await operatorClient.SendJson(HttpMethod.Post, "/api/account/invitations", AccountFlows.Invitation(Roles.CooperativeAdmin, null));
        await noObject.AssertValidationProblem("objectId");
        using var unknown = await operatorClient.SendJson(HttpMethod.Post, "/api/account/invitations", AccountFlows.Invitation(Roles.CooperativeAdmin, "coop-nosuch"));
        await unknown.AssertValidationProblem("objectId");
        using var badCounty = await operatorClient.SendJson(HttpMethod.Post, "/api/account/invitations", AccountFlows.Invitation(Roles.CountyOfficer, "52"));
        await badCounty.AssertValidationProblem("objectId");
        using var badPhone = await operatorClient.SendJson(HttpMethod.Post, "/api/account/invitations", AccountFlows.Invitation(Roles.Household, "hh-pz01", phone: "12345"));
        await badPhone.AssertValidationProblem("phone");
        using var anonymous = await app.Anonymous().SendJson(HttpMethod.Post, "/api/account/invitations", AccountFlows.Invitation(Roles.Household, "hh-pz01"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task InvitingAndActivatingAreInTheAuditLog()
    {
        var issued = await (await app.As("operator")).Invite(Roles.CooperativeAdmin, "coop-cjxiang");
        var id = (string)issued["record"]!["id"]!;
        var userName = AccountFlows.UniqueName("coop");
        using (var activated = await app.Anonymous().Activate((string)issued["code"]!, userName)) await activated.AssertOk();

        var audit = await app.As("operator");
        var invited = await audit.GetArray($"/api/audit?resourceType=account-code&resourceId={id}");
        Assert.Equal("account.invite", (string?)Assert.Single(invited)!["action"]);
        Assert.StartsWith("operator (", (string?)invited[0]!["actor"]);
        Assert.DoesNotContain((string)issued["code"]!, invited.ToJsonString(), StringComparison.Ordinal);
        var opened = await audit.GetArray($"/api/audit?actor={userName}");
        var entry = Assert.Single(opened)!;
        Assert.Equal("account.activate", (string?)entry["action"]);
        Assert.Contains("coop-cjxiang", (string?)entry["after"]);
    }
}

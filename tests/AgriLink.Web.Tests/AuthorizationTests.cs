using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>A role never reaches somebody else's object: every check is per object, and a refusal is a problem response.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class AuthorizationTests(SeededApp app)
{
    [Fact]
    public async Task AnonymousCallerIsChallengedForHouseholds()
    {
        using var response = await app.Anonymous().Get("/api/households");

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task FarmerReadsOwnHouseholdButNotAnotherOne()
    {
        var farmer = await app.As("farmer.pz01");

        var own = await farmer.GetObject("/api/households/hh-pz01");
        using var other = await farmer.Get("/api/households/hh-cj02");

        Assert.Equal("hh-pz01", (string?)own["id"]);
        await other.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task FarmerSeesOnlyItselfInTheHouseholdList()
    {
        var farmer = await app.As("farmer.pz01");

        var page = await farmer.GetObject("/api/households?limit=200");

        Assert.Equal(["hh-pz01"], page["items"]!.AsArray().Select(i => (string?)i!["id"]));
    }

    [Fact]
    public async Task CooperativeAdminReadsItsMemberHouseholdsOnly()
    {
        var admin = await app.As("coop.panzhou");

        using var member = await admin.Get("/api/households/hh-pz02");
        using var stranger = await admin.Get("/api/households/hh-cj02");

        await member.AssertOk();
        await stranger.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CooperativeAdminCannotEditAnotherCooperativesProfile()
    {
        var owner = await app.As("coop.panzhou");
        var before = await owner.Snapshot("/api/cooperatives/coop-pzcili");
        var profile = JsonNode.Parse(before)!["profile"]!.DeepClone().AsObject();
        profile["name"] = "被别的合作社改掉的名字";

        using var response = await (await app.As("coop.xiuwen")).SendJson(HttpMethod.Put, "/api/cooperatives/coop-pzcili/profile", profile);

        await response.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await owner.Snapshot("/api/cooperatives/coop-pzcili"));
    }

    [Fact]
    public async Task OthersSeeOnlyTheCooperativesPublicProfile()
    {
        var other = await app.As("coop.xiuwen");

        var coop = await other.GetObject("/api/cooperatives/coop-pzcili");

        Assert.Null(coop["members"]);
        Assert.True((int)coop["memberCount"]! > 0);
    }

    [Fact]
    public async Task BuyerReadsItselfButNotOtherBuyers()
    {
        var buyer = await app.As("buyer.canteen");

        using var own = await buyer.Get("/api/buyers/buyer-gzcanteen");
        using var other = await buyer.Get("/api/buyers/buyer-zhangwei");

        await own.AssertOk();
        await other.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task HouseholdCannotRegisterACooperative()
    {
        var before = await app.Anonymous().Snapshot("/api/cooperatives?limit=200");
        var profile = JsonNode.Parse(await (await app.As("coop.panzhou")).Snapshot("/api/cooperatives/coop-pzcili"))!["profile"]!.DeepClone();

        using var response = await (await app.As("farmer.pz01")).SendJson(HttpMethod.Post, "/api/cooperatives", profile);

        await response.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await app.Anonymous().Snapshot("/api/cooperatives?limit=200"));
    }

    [Fact]
    public async Task OnlyPlatformOperatorsReadTheAuditLog()
    {
        using var operatorResponse = await (await app.As("operator")).Get("/api/audit");
        using var buyerResponse = await (await app.As("buyer.canteen")).Get("/api/audit");
        using var anonymousResponse = await app.Anonymous().Get("/api/audit");

        Assert.Equal(HttpStatusCode.OK, operatorResponse.StatusCode);
        await buyerResponse.AssertProblem(HttpStatusCode.Forbidden);
        await anonymousResponse.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheSignedInAccountNamesTheObjectItActsFor()
    {
        var me = await (await app.As("coop.panzhou")).GetObject("/api/auth/me");

        Assert.Equal("coop.panzhou", (string?)me["userName"]);
        Assert.Equal(["coop-pzcili"], me["cooperatives"]!.AsArray().Select(c => (string?)c));
    }
}

using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using AgriLink.Web.Auth;
using AgriLink.Web.Tests.Accounts;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// Issue 16, item 1: a cooperative admin cannot take a household over by posting it as a member. A household joins by its
/// own consent (an invitation it accepts) or an operator's act, of the cooperative's county; the cooperative then sees what it
/// needs of it (name, village, masked phone) and never edits it; answers for ids the caller may not see do not tell whether
/// they exist; public listings name producers masked, not by id.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class MembershipConsentTests(SeededApp app)
{
    private const string Panzhou = "520281";

    [Fact]
    public async Task ACooperativeAdminOnlyInvitesAndTheHouseholdJoinsWhenItAccepts()
    {
        var (household, userName) = await HouseholdWithAccount(Panzhou, "13812345678");
        var admin = await app.As("coop.panzhou");
        var farmer = await app.As(userName);

        using (var invite = await admin.SendJson(HttpMethod.Post, "/api/cooperatives/coop-pzcili/members", Member(household)))
        {
            var sent = await invite.AssertOk(HttpStatusCode.Accepted);
            Assert.Equal("Pending", (string?)sent["status"]);
        }
        Assert.DoesNotContain(household, await MemberIds("coop-pzcili"));
        using (var notYet = await admin.Get($"/api/households/{household}")) await notYet.AssertProblem(HttpStatusCode.Forbidden);

        var own = await farmer.GetObject($"/api/households/{household}");
        Assert.Equal(["coop-pzcili"], own["invitations"]!.AsArray().Select(i => (string?)i!["cooperativeId"]));
        using (var accept = await farmer.Post($"/api/households/{household}/invitations/coop-pzcili/accept"))
            Assert.Empty((await accept.AssertOk())["invitations"]!.AsArray());
        Assert.Contains(household, await MemberIds("coop-pzcili"));

        // What the cooperative sees of its member: name, village, the phone masked; nothing of the poverty register.
        var seen = await admin.GetObject($"/api/households/{household}");
        Assert.Equal(["headName", "id", "phone", "village"], seen.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("138****5678", (string?)seen["phone"]);
        var listed = await admin.GetObject($"/api/households?county={Panzhou}&limit=200");
        Assert.All(listed["items"]!.AsArray(), i => Assert.Null((string?)i!["status"]));

        // …and never edits it.
        var operatorClient = await app.As("operator");
        var before = await operatorClient.Snapshot($"/api/households/{household}");
        var profile = JsonNode.Parse(before)!["profile"]!.DeepClone().AsObject();
        profile["headName"] = "被合作社改掉的名字";
        using (var edit = await admin.SendJson(HttpMethod.Put, $"/api/households/{household}/profile", profile))
            await edit.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await operatorClient.Snapshot($"/api/households/{household}"));

        // A member reads its cooperative's register; once it has left (issue 23: leaving), the same session no longer does,
        // and the cooperative no longer reads the household. The removal is in the audit log.
        Assert.Equal(HttpStatusCode.OK, await farmer.StatusOf("/api/cooperatives/coop-pzcili/shares"));
        using (var removed = await admin.DeleteAsync($"/api/cooperatives/coop-pzcili/members/{household}", Api.Ct)) await removed.AssertOk();
        Assert.Equal(HttpStatusCode.Forbidden, await farmer.StatusOf("/api/cooperatives/coop-pzcili/shares"));
        Assert.Equal(HttpStatusCode.Forbidden, await admin.StatusOf($"/api/households/{household}"));
        Assert.Contains(await operatorClient.GetArray("/api/audit?resourceType=cooperative&resourceId=coop-pzcili&actor=coop.panzhou&limit=20"),
            e => (string?)e!["action"] == "cooperative.remove-member");
    }

    [Fact]
    public async Task ADeclinedInvitationLeavesTheHouseholdOutside()
    {
        var (household, userName) = await HouseholdWithAccount(Panzhou);
        var admin = await app.As("coop.panzhou");
        var farmer = await app.As(userName);

        using (var invite = await admin.SendJson(HttpMethod.Post, "/api/cooperatives/coop-pzcili/members", Member(household)))
            await invite.AssertOk(HttpStatusCode.Accepted);
        using (var decline = await farmer.Post($"/api/households/{household}/invitations/coop-pzcili/decline"))
            Assert.Empty((await decline.AssertOk())["invitations"]!.AsArray());
        using (var lateAccept = await farmer.Post($"/api/households/{household}/invitations/coop-pzcili/accept"))
            await lateAccept.AssertProblem(HttpStatusCode.NotFound);

        Assert.DoesNotContain(household, await MemberIds("coop-pzcili"));
        // Nobody accepts for the household: not another household, not the cooperative's admin.
        using (var forOther = await (await app.As("farmer.pz01")).Post($"/api/households/{household}/invitations/coop-pzcili/accept"))
            await forOther.AssertProblem(HttpStatusCode.Forbidden);
        using (var byAdmin = await admin.Post($"/api/households/{household}/invitations/coop-pzcili/accept"))
            await byAdmin.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnUnknownHouseholdAndOneOfAnotherCountyGetTheSameAnswerAndNoInvitation()
    {
        var admin = await app.As("coop.panzhou");

        using var unknown = await admin.SendJson(HttpMethod.Post, "/api/cooperatives/coop-pzcili/members", Member("hh-nosuch0001"));
        using var foreign = await admin.SendJson(HttpMethod.Post, "/api/cooperatives/coop-pzcili/members", Member("hh-cj02"));

        Assert.Equal(unknown.StatusCode, foreign.StatusCode);
        var unknownBody = await unknown.Content.ReadAsStringAsync(Api.Ct);
        var foreignBody = await foreign.Content.ReadAsStringAsync(Api.Ct);
        Assert.Equal(unknownBody.Replace("hh-nosuch0001", "ID", StringComparison.Ordinal), foreignBody.Replace("hh-cj02", "ID", StringComparison.Ordinal));
        Assert.DoesNotContain("hh-cj02", await MemberIds("coop-pzcili"));
        Assert.Empty((await (await app.As("farmer.cj02")).GetObject("/api/households/hh-cj02"))["invitations"]!.AsArray());

        // Reading or editing a household it may not see: the same refusal whether the id exists or not.
        using var readUnknown = await admin.Get("/api/households/hh-nosuch0001");
        using var readForeign = await admin.Get("/api/households/hh-cj02");
        var unknownProblem = await readUnknown.AssertProblem(HttpStatusCode.Forbidden);
        var foreignProblem = await readForeign.AssertProblem(HttpStatusCode.Forbidden);
        unknownProblem.Remove("traceId");
        foreignProblem.Remove("traceId");
        Assert.Equal(unknownProblem.ToJsonString(), foreignProblem.ToJsonString());
    }

    [Fact]
    public async Task AnOperatorAdmitsDirectlyButOnlyAHouseholdOfTheCooperativesCounty()
    {
        var operatorClient = await app.As("operator");
        var (local, _) = await HouseholdWithAccount(Panzhou);
        var (elsewhere, _) = await HouseholdWithAccount("520123");

        using (var admit = await operatorClient.SendJson(HttpMethod.Post, "/api/cooperatives/coop-pzcili/members", Member(local)))
            await admit.AssertOk();
        using (var refused = await operatorClient.SendJson(HttpMethod.Post, "/api/cooperatives/coop-pzcili/members", Member(elsewhere)))
            await refused.AssertValidationProblem("memberId");

        var members = await MemberIds("coop-pzcili");
        Assert.Contains(local, members);
        Assert.DoesNotContain(elsewhere, members);
    }

    [Fact]
    public async Task PublicListingsNameProducersMaskedNotByHouseholdId()
    {
        var listing = await app.Anonymous().GetObject("/api/listings/lst-pzcilifresh");

        Assert.Empty(listing["draft"]!["producerIds"]?.AsArray() ?? []);
        var producers = listing["producers"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.Equal(3, producers.Count);
        Assert.All(producers, p => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{1,2}\*+\p{IsCJKUnifiedIdeographs}?$", p));
        Assert.DoesNotContain("hh-", listing.ToJsonString(), StringComparison.Ordinal);

        // The cooperative's admins still edit the ids.
        var own = await (await app.As("coop.panzhou")).GetObject("/api/listings/lst-pzcilifresh");
        Assert.Equal(["hh-pz01", "hh-pz02", "hh-pz03"], own["draft"]!["producerIds"]!.AsArray().Select(p => (string?)p));
    }

    [Fact]
    public async Task TheBuyersOrderDoesNotNameTheProducingHouseholds()
    {
        var coop = await app.As("coop.panzhou");
        var draft = Listings.Draft(priceFen: 520);
        draft["producerIds"] = new JsonArray("hh-pz01", "hh-pz02");
        var listing = await coop.CreateDraft("coop-pzcili", draft);
        using (var published = await coop.Post($"/api/listings/{listing}/publish")) await published.AssertOk();
        var buyer = await app.As("buyer.canteen");

        using var placed = await buyer.SendJson(HttpMethod.Post, "/api/orders", new JsonObject
        {
            ["buyerId"] = "buyer-gzcanteen", ["paymentMethod"] = "Invoice", ["lines"] = new JsonArray(new JsonObject { ["listingId"] = listing, ["quantity"] = 5 }),
            ["deliveryRegionCode"] = "440103", ["deliveryAddress"] = "广州市荔湾区中山七路 1 号",
        });
        var order = await placed.AssertOk(HttpStatusCode.Created);
        var id = (string)order["id"]!;

        Assert.DoesNotContain("hh-", order.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hh-", (await buyer.GetObject($"/api/orders/{id}")).ToJsonString(), StringComparison.Ordinal);
        // The cooperative sees which of its members grew it (its trade records count per producer); so does the operator.
        var own = await coop.GetObject($"/api/orders/{id}");
        Assert.Equal(["hh-pz01", "hh-pz02"], own["subOrders"]![0]!["lines"]![0]!["reserved"]!["producerIds"]!.AsArray().Select(p => (string?)p));
        Assert.Contains("hh-pz01", (await (await app.As("operator")).GetObject($"/api/orders/{id}")).ToJsonString(), StringComparison.Ordinal);
    }

    private static JsonObject Member(string id) => new()
    {
        ["memberId"] = id, ["kind"] = "Household", ["displayName"] = "测试户", ["isFarmer"] = true, ["joinedOn"] = "2024-03-01",
    };

    private async Task<IReadOnlyList<string?>> MemberIds(string cooperativeId) =>
        (await (await app.As("operator")).GetObject($"/api/cooperatives/{cooperativeId}"))["members"]!.AsArray()
        .Select(m => (string?)m!["memberId"]).ToList();

    /// <summary>A new household registered by the operator, with a sign-in of its own (the demo password).</summary>
    private async Task<(string Id, string UserName)> HouseholdWithAccount(string county, string? phone = null)
    {
        var operatorClient = await app.As("operator");
        var profile = new JsonObject
        {
            ["headName"] = "杨光明", ["countyCode"] = county, ["township"] = "普古乡", ["village"] = "舍烹村", ["people"] = 4, ["phone"] = phone,
        };
        string id;
        using (var register = await operatorClient.SendJson(HttpMethod.Post, "/api/households", new JsonObject { ["profile"] = profile }))
            id = (string)(await register.AssertOk(HttpStatusCode.Created))["id"]!;

        var userName = "farmer.t" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgriLinkUser>>();
        var user = new AgriLinkUser { UserName = userName, DisplayName = "测试农户" };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Household)).Succeeded);
        Assert.True((await users.AddClaimsAsync(user, [new Claim(AgriLinkClaims.Household, id), new Claim(AgriLinkClaims.DisplayName, "测试农户")])).Succeeded);
        return (id, userName);
    }
}

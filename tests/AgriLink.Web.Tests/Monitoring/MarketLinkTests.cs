using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using AgriLink.Web.Auth;
using AgriLink.Web.Tests.Infrastructure;
using AgriLink.Web.Tests.Matching;
using Xunit;

namespace AgriLink.Web.Tests.Monitoring;

/// <summary>
/// Issue 19's market link: once the county confirms a member household as monitored, its produce gets the poverty priority
/// in matching (said as such, never naming the household or its category), and its cooperative's admins see it among
/// their members under monitoring (name and village only).
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class MarketLinkTests(SeededApp app)
{
    private static readonly string DeliverBy = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(30).ToString("yyyy-MM-dd");

    private static string Word() => "mk" + string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26))));

    private async Task<(string Cooperative, string[] Members)> CooperativeWith(params string[] names)
    {
        var operatorClient = await app.As("operator");
        var coop = await operatorClient.RegisterCooperative();
        await operatorClient.Admit(coop);
        var members = new List<string>();
        foreach (var name in names) members.Add(await AreaStaff.Household(app, AreaStaff.Shepeng, headName: name));
        foreach (var (id, name) in members.Zip(names))
        {
            using var join = await operatorClient.SendJson(HttpMethod.Post, $"/api/cooperatives/{coop}/members", new JsonObject
            {
                ["memberId"] = id, ["kind"] = "Household", ["displayName"] = name, ["isFarmer"] = true, ["joinedOn"] = "2024-03-01",
            });
            await join.AssertOk();
        }
        return (coop, [.. members]);
    }

    private async Task<(string Id, HttpClient Buyer)> Demand(string word)
    {
        var (buyerId, buyer) = await FreshBuyer.CreateAsync(app);
        using var posted = await buyer.SendJson(HttpMethod.Post, $"/api/buyers/{buyerId}/demands", new JsonObject
        {
            ["title"] = "工会福利刺梨", ["category"] = "Fruit", ["keywords"] = new JsonArray(word), ["quantity"] = 100, ["unit"] = "Jin",
            ["deliverBy"] = DeliverBy, ["deliveryRegionCode"] = "440103", ["maxPriceFen"] = 1000,
        });
        return ((string)(await posted.AssertOk(HttpStatusCode.Created))["id"]!, buyer);
    }

    private async Task<string> Listing(string coop, string word, params string[] producers)
    {
        var operatorClient = await app.As("operator");
        var draft = Listings.Draft($"{word}刺梨鲜果", 650, 500);
        draft["variety"] = word;
        draft["producerIds"] = new JsonArray(producers.Select(p => (JsonNode)p).ToArray());
        var id = await operatorClient.CreateDraft(coop, draft);
        using var published = await operatorClient.Post($"/api/listings/{id}/publish");
        await published.AssertOk();
        return id;
    }

    private async Task Confirm(string household)
    {
        var officer = await app.As("county.panzhou");
        using var opened = await officer.SendJson(HttpMethod.Post, "/api/monitoring/cases",
            new JsonObject { ["householdId"] = household, ["discoveryChannel"] = "CadreVisit", ["note"] = "因病致贫风险" });
        var id = (string)(await opened.AssertOk(HttpStatusCode.Created))["id"]!;
        var cadre = await AreaStaff.Account(app, Roles.VillageCadre, AreaStaff.Shepeng);
        foreach (var (client, step) in new[]
        {
            (cadre, new JsonObject { ["action"] = "VillageReview", ["note"] = "村民代表评议同意" }),
            (await app.As("township.pugu"), new JsonObject { ["action"] = "TownshipCheck", ["note"] = "核实" }),
            (officer, new JsonObject { ["action"] = "CountyConfirm", ["category"] = "SuddenHardship", ["note"] = "确认" }),
        })
        {
            using var response = await client.SendJson(HttpMethod.Post, $"/api/monitoring/cases/{id}/steps", step);
            await response.AssertOk();
        }
    }

    /// <summary>The monitoring component of each of these listings, once the search index holds them all.</summary>
    private static async Task<Dictionary<string, JsonObject>> MonitoringParts(HttpClient buyer, string demand, params string[] listings)
    {
        for (var i = 0; ; i++)
        {
            var items = (await buyer.GetObject($"/api/demands/{demand}/matches"))["items"]!.AsArray().Select(m => m!.AsObject())
                .Where(m => listings.Contains((string)m["listingId"]!)).ToList();
            if (items.Count == listings.Length || i == 150)
                return items.ToDictionary(m => (string)m["listingId"]!,
                    m => m["components"]!.AsArray().Single(c => (string?)c!["component"] == "monitoring")!.AsObject());
            await Task.Delay(100, Api.Ct);
        }
    }

    [Fact]
    public async Task AConfirmedMonitoredHouseholdsProduceIsMatchedFirstAndItsCooperativeIsTold()
    {
        var (coop, members) = await CooperativeWith("监测户主", "监测户二", "普通户主");
        var (monitored, second, other) = (members[0], members[1], members[2]);
        var word = Word();
        var own = await Listing(coop, word, monitored, second, other);
        var cooperatives = await Listing(coop, word, other);
        var (demand, buyer) = await Demand(word);

        var before = await MonitoringParts(buyer, demand, own, cooperatives);
        Assert.Equal(["monitoring.none", "monitoring.none"], new[] { before[own], before[cooperatives] }.Select(p => (string?)p["code"]));

        await Confirm(monitored);
        await Confirm(second);
        var after = await MonitoringParts(buyer, demand, own, cooperatives);

        Assert.Equal(("monitoring.producer", 10m), ((string?)after[own]["code"], (decimal)after[own]["points"]!));
        Assert.Equal(("monitoring.member", 5m), ((string?)after[cooperatives]["code"], (decimal)after[cooperatives]["points"]!));
        var said = (string)after[own]["explanation"]! + (string)after[cooperatives]["explanation"]!;
        Assert.Contains("防返贫监测户", said);
        Assert.DoesNotContain("监测户主", said);                 // never the household
        Assert.DoesNotContain("SuddenHardship", said);           // nor its category
        var ranked = (await buyer.GetObject($"/api/demands/{demand}/matches"))["items"]!.AsArray().Select(m => (string)m!["listingId"]!).ToList();
        Assert.True(ranked.IndexOf(own) < ranked.IndexOf(cooperatives), "the monitored household's own produce ranks first");

        // The cooperative is told whom, without the category; another cooperative is not.
        var admin = $"test.coop.{Guid.NewGuid():N}"[..32];
        await TestAccounts.CreateAsync(app, admin, "测试社长", Roles.CooperativeAdmin, new Claim(AgriLinkClaims.Cooperative, coop));
        var told = await (await TestAccounts.SignInAsync(app, admin)).GetArray($"/api/cooperatives/{coop}/monitored-members");
        Assert.Equal(new[] { monitored, second }.Order(StringComparer.Ordinal), told.Select(m => (string)m!["memberId"]!));
        var member = told.Single(m => (string?)m!["memberId"] == monitored);
        Assert.Equal((monitored, "监测户主", "舍烹村"), ((string?)member!["memberId"], (string?)member["displayName"], (string?)member["village"]));
        Assert.Equal(["displayName", "memberId", "village"], member.AsObject().Select(p => p.Key).Order());   // nothing of the case
        using (var foreign = await (await app.As("coop.xiuwen")).GetAsync($"/api/cooperatives/{coop}/monitored-members", Api.Ct))
            Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        var entries = await (await app.As("operator")).GetArray($"/api/audit?resourceType=cooperative&resourceId={coop}");
        Assert.Contains(entries, e => (string?)e!["action"] == "monitoring-members.read");

        // Public reads say nothing of it.
        using var anonymous = app.Factory.CreateClient();
        var publicListing = await anonymous.GetStringAsync($"/api/listings/{own}", Api.Ct);
        Assert.DoesNotContain("monitor", publicListing, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("监测", publicListing);
    }

    /// <summary>
    /// Privacy: a listing made by one household, in a cooperative with no other monitored member, says nothing of the
    /// monitoring at all (neither the explanation nor the points), or every buyer would learn that this household is
    /// monitored. Its cooperative's admins are still told, as the monitoring asks.
    /// </summary>
    [Fact]
    public async Task AListingOfOneMonitoredHouseholdDoesNotRevealIt()
    {
        var (coop, members) = await CooperativeWith("独户监测", "普通户主");
        var word = Word();
        var alone = await Listing(coop, word, members[0]);
        var (demand, buyer) = await Demand(word);
        await MonitoringParts(buyer, demand, alone);

        await Confirm(members[0]);
        var admin = $"test.coop.{Guid.NewGuid():N}"[..32];
        await TestAccounts.CreateAsync(app, admin, "测试社长", Roles.CooperativeAdmin, new Claim(AgriLinkClaims.Cooperative, coop));
        Assert.Single(await (await TestAccounts.SignInAsync(app, admin)).GetArray($"/api/cooperatives/{coop}/monitored-members"));
        var part = (await MonitoringParts(buyer, demand, alone))[alone];

        Assert.Equal(("monitoring.none", 0m), ((string?)part["code"], (decimal)part["points"]!));
        Assert.DoesNotContain("多户", (string)part["explanation"]!);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Auth;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Monitoring;

/// <summary>
/// Issue 19's people by area: a village cadre sees and acts only on the cases of its villages, a township officer checks
/// its township's, a county officer confirms its county's; each step needs the right role and the right area (403 per
/// object outside it, 409 for the wrong role inside it), by the API and by the pages.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class AreaScopingTests(SeededApp app)
{
    private const string Cases = "/api/monitoring/cases";

    private static async Task<JsonObject> Step(HttpClient client, string id, string action, HttpStatusCode expected = HttpStatusCode.OK, string? category = null)
    {
        using var response = await client.SendJson(HttpMethod.Post, $"{Cases}/{id}/steps", new JsonObject { ["action"] = action, ["note"] = "测试", ["category"] = category });
        return expected == HttpStatusCode.OK ? await response.AssertOk() : await response.AssertProblem(expected);
    }

    private async Task<string> Visit(HttpClient cadre, string household, bool risk = true)
    {
        using var response = await cadre.SendJson(HttpMethod.Post, "/api/monitoring/visits", new JsonObject
        {
            ["householdId"] = household, ["visitedOn"] = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"), ["note"] = "入户走访：家中老人重病", ["foundRisk"] = risk,
        });
        return (string?)(await response.AssertOk(HttpStatusCode.Created))["caseId"] ?? "";
    }

    [Fact]
    public async Task ACadreOfOneVillageNeitherSeesNorActsOnTheNextVillagesCases()
    {
        var shepengCadre = await app.As("cadre.shepeng");
        var nextCadre = await AreaStaff.Account(app, Roles.VillageCadre, AreaStaff.Niangniangshan);
        var shepeng = await Visit(shepengCadre, await AreaStaff.Household(app, AreaStaff.Shepeng));
        var next = await Visit(nextCadre, await AreaStaff.Household(app, AreaStaff.Niangniangshan, "娘娘山村"));

        // Reading one case: each its own village's; the other's is 403 whether it exists or not.
        await (await shepengCadre.Get($"{Cases}/{shepeng}")).AssertOk();
        await (await nextCadre.Get($"{Cases}/{shepeng}")).AssertProblem(HttpStatusCode.Forbidden);
        await (await shepengCadre.Get($"{Cases}/{next}")).AssertProblem(HttpStatusCode.Forbidden);
        await (await shepengCadre.Get($"{Cases}/mc-nosuchcase")).AssertProblem(HttpStatusCode.Forbidden);

        // Lists: only the cadre's own village, asked or not; another area (or the whole county) refused.
        var mine = await AllIds(shepengCadre, Cases);
        Assert.Contains(shepeng, mine);
        Assert.Contains("mc-demoshepeng1", mine);                                                 // the demo's case in 舍烹村
        Assert.DoesNotContain(next, mine);
        var theirs = await AllIds(nextCadre, Cases);
        Assert.Contains(next, theirs);
        Assert.DoesNotContain(shepeng, theirs);
        Assert.DoesNotContain("mc-demoshepeng1", theirs);
        await (await shepengCadre.Get($"{Cases}?area={AreaStaff.Niangniangshan}")).AssertProblem(HttpStatusCode.Forbidden);
        await (await shepengCadre.Get($"{Cases}?county=520281")).AssertProblem(HttpStatusCode.Forbidden);
        await (await shepengCadre.Get($"{Cases}?area=12345")).AssertProblem(HttpStatusCode.BadRequest);

        // Acting: the other village's case is 403, and nothing changed.
        await Step(shepengCadre, next, "VillageReview", HttpStatusCode.Forbidden);
        await Step(shepengCadre, next, "Dismiss", HttpStatusCode.Forbidden);
        Assert.Equal("Reported", (string?)(await nextCadre.GetObject($"{Cases}/{next}"))["case"]!["stage"]);

        // The township sees both of its villages; the county narrows to one village of its own.
        var township = await AllIds(await app.As("township.pugu"), Cases);
        Assert.Contains(shepeng, township);
        Assert.Contains(next, township);
        var village = await AllIds(await app.As("county.panzhou"), $"{Cases}?area={AreaStaff.Shepeng}");
        Assert.Contains(shepeng, village);
        Assert.DoesNotContain(next, village);
        await (await (await app.As("county.xiuwen")).Get($"{Cases}?area={AreaStaff.Shepeng}")).AssertProblem(HttpStatusCode.Forbidden);

        // And by page: the next village's cadre is refused the case page; its own cadre sees it.
        var nextUser = await AreaStaff.UserName(app, Roles.VillageCadre, AreaStaff.Niangniangshan);
        using (var refused = await (await app.Factory.SignedIn(nextUser)).Get($"/monitoring/cases/{shepeng}"))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var listPage = await (await app.Factory.SignedIn(nextUser)).GetText("/monitoring/cases");
        Assert.DoesNotContain(shepeng, listPage);
        Assert.Contains(shepeng, await (await app.Factory.SignedIn("cadre.shepeng")).GetText($"/monitoring/cases/{shepeng}"));
        using (var household = await (await app.Factory.SignedIn("farmer.pz01")).Get("/monitoring/cases"))
            Assert.Equal(HttpStatusCode.Forbidden, household.StatusCode);                       // not monitoring staff at all

        await Step(shepengCadre, shepeng, "Dismiss");
        await Step(nextCadre, next, "Dismiss");
    }

    [Fact]
    public async Task EachStepNeedsItsRoleAndItsArea()
    {
        var cadre = await app.As("cadre.shepeng");
        var township = await app.As("township.pugu");
        var county = await app.As("county.panzhou");
        var otherTownship = await AreaStaff.Account(app, Roles.TownshipOfficer, AreaStaff.OtherTownship);
        var id = await Visit(cadre, await AreaStaff.Household(app, AreaStaff.Shepeng));

        // Reported: the village reviews. The township and the county are of the area but not of the step (409); the
        // township next door is not of the area (403).
        await Step(township, id, "VillageReview", HttpStatusCode.Conflict);
        await Step(county, id, "VillageReview", HttpStatusCode.Conflict);
        await Step(otherTownship, id, "VillageReview", HttpStatusCode.Forbidden);
        await Step(cadre, id, "VillageReview");

        // VillageReviewed: the township checks.
        await Step(cadre, id, "TownshipCheck", HttpStatusCode.Conflict);
        await Step(county, id, "TownshipCheck", HttpStatusCode.Conflict);
        await Step(otherTownship, id, "TownshipCheck", HttpStatusCode.Forbidden);
        await Step(township, id, "TownshipCheck");

        // TownshipChecked: the county confirms.
        await Step(cadre, id, "CountyConfirm", HttpStatusCode.Conflict, "Marginal");
        await Step(township, id, "CountyConfirm", HttpStatusCode.Conflict, "Marginal");
        await Step(await app.As("county.xiuwen"), id, "CountyConfirm", HttpStatusCode.Forbidden, "Marginal");
        await Step(await app.As("operator"), id, "CountyConfirm", HttpStatusCode.Forbidden, "Marginal");   // operators read only
        var confirmed = await Step(county, id, "CountyConfirm", category: "Marginal");

        var steps = confirmed["case"]!["steps"]!.AsArray();
        Assert.Equal(["CadreVisit", "VillageCadre", "TownshipOfficer", "CountyOfficer"],
            new[] { (string?)confirmed["case"]!["channel"] }.Concat(steps.Skip(1).Select(s => (string?)s!["role"])));
        Assert.Equal(["cadre.shepeng", "cadre.shepeng", "township.pugu", "county.panzhou"], steps.Select(s => (string?)s!["actor"]));
    }

    [Fact]
    public async Task AVisitThatFindsARiskOpensOneCaseAndIsListedAndAudited()
    {
        // An account of its own: the demo cadre's list also holds visits other tests log at the same time.
        var cadreName = await AreaStaff.UserName(app, Roles.VillageCadre, AreaStaff.Shepeng);
        var cadre = await TestAccounts.SignInAsync(app, cadreName);
        var household = await AreaStaff.Household(app, AreaStaff.Shepeng);
        var first = await Visit(cadre, household);
        Assert.StartsWith("mc-v-mv-", first, StringComparison.Ordinal);
        var again = await Visit(cadre, household);                                                 // the case is open: the visit joins it
        Assert.Equal(first, again);
        Assert.Equal("", await Visit(cadre, household, risk: false));

        // The cadre's list, two a page, newest first by id (ids sort by the second they were logged in).
        var visits = await cadre.GetObject("/api/monitoring/visits?limit=2");
        var items = visits["items"]!.AsArray().ToList();
        Assert.Equal(2, items.Count);
        var older = await cadre.GetObject($"/api/monitoring/visits?limit=2&before={visits["next"]}");
        items.AddRange(older["items"]!.AsArray());
        var ids = items.Select(i => (string)i!["id"]!).ToList();
        Assert.Equal(ids.OrderDescending(StringComparer.Ordinal), ids);
        Assert.All(items.Take(3), i => Assert.Equal(household, (string?)i!["householdId"]));
        Assert.Equal([first, first, null], items.Take(3).Select(i => (string?)i!["caseId"]).Order(StringComparer.Ordinal).Reverse());

        // Another village's cadre cannot visit this household; the household's visit list is nobody else's.
        var nextCadre = await AreaStaff.Account(app, Roles.VillageCadre, AreaStaff.Niangniangshan);
        using (var refused = await nextCadre.SendJson(HttpMethod.Post, "/api/monitoring/visits", new JsonObject
               {
                   ["householdId"] = household, ["visitedOn"] = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"), ["note"] = "x", ["foundRisk"] = true,
               }))
            await refused.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(0, (int)(await nextCadre.GetObject("/api/monitoring/visits"))["total"]!);
        using (var future = await cadre.SendJson(HttpMethod.Post, "/api/monitoring/visits", new JsonObject
               {
                   ["householdId"] = household, ["visitedOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"), ["foundRisk"] = false,
               }))
            Assert.NotNull((await future.AssertProblem(HttpStatusCode.BadRequest))["errors"]!["visitedOn"]);

        var audit = await app.As("operator");
        var opened = await audit.GetArray($"/api/audit?resourceType=monitoring-case&resourceId={first}");
        Assert.Contains(opened, e => (string?)e!["action"] == "monitoring-case.open" && ((string?)e["actor"])!.StartsWith(cadreName, StringComparison.Ordinal));
        var visitId = first["mc-v-".Length..];
        Assert.Single(await audit.GetArray($"/api/audit?resourceType=monitoring-visit&resourceId={visitId}"));

        var households = await cadre.GetArray("/api/monitoring/households?limit=200");
        Assert.Contains(households, h => (string?)h!["id"] == household);
        Assert.DoesNotContain(households, h => (string?)h!["id"] == "hh-pz01");                  // 娘娘山村
        await Step(cadre, first, "Dismiss");
    }

    private static async Task<List<string>> AllIds(HttpClient client, string path)
    {
        var ids = new List<string>();
        string? next = null;
        do
        {
            var page = await client.GetObject(path + (path.Contains('?') ? "&" : "?") + "limit=50" + (next is null ? "" : $"&after={next}"));
            ids.AddRange(page["items"]!.AsArray().Select(i => (string)i!["id"]!));
            next = (string?)page["next"];
        }
        while (next is not null);
        return ids;
    }
}

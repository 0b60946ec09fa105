using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Grains.Projections;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Monitoring;

/// <summary>
/// Issue 19: monitoring cases from the household's own report to their close, each step by the role that holds it in its
/// area (the village's cadre, the township's and the county's officers), the county's list by stage and overdue,
/// per-object access (the area's cadres and officers, the household itself), every read audited.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class MonitoringCasesApiTests(SeededApp app)
{
    private const string Cases = "/api/monitoring/cases";

    private static async Task<JsonObject> Step(HttpClient client, string id, JsonObject step, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.SendJson(HttpMethod.Post, $"{Cases}/{id}/steps", step);
        return expected == HttpStatusCode.OK ? await response.AssertOk() : await response.AssertProblem(expected);
    }

    private static async Task<string> Open(HttpClient client, string household, string channel)
    {
        using var response = await client.SendJson(HttpMethod.Post, Cases, new JsonObject
        {
            ["householdId"] = household, ["discoveryChannel"] = channel, ["note"] = "家中主要劳动力因病住院",
        });
        return (string)(await response.AssertOk(HttpStatusCode.Created))["id"]!;
    }

    [Fact]
    public async Task ASelfReportGoesThroughVillageTownshipAndCountyToItsClose()
    {
        var farmer = await app.As("farmer.pz01");
        var id = await Open(farmer, "hh-pz01", "SelfReport");
        var officer = await app.As("county.panzhou");
        var township = await app.As("township.pugu");
        var cadre = await AreaStaff.Account(app, Auth.Roles.VillageCadre, AreaStaff.Niangniangshan);   // hh-pz01 lives in 娘娘山村

        await Step(farmer, id, new JsonObject { ["action"] = "VillageReview", ["note"] = "x" }, HttpStatusCode.Forbidden);   // the household only reports
        await Step(township, id, new JsonObject { ["action"] = "TownshipCheck", ["note"] = "too early" }, HttpStatusCode.Conflict);
        await Step(officer, id, new JsonObject { ["action"] = "VillageReview", ["note"] = "县里代评" }, HttpStatusCode.Conflict);  // not the county's step
        await Step(cadre, id, new JsonObject { ["action"] = "VillageReview", ["note"] = "2026-03-02 村民代表 9 人评议，同意纳入" });
        await Step(township, id, new JsonObject { ["action"] = "TownshipCheck", ["note"] = "入户核实属实" });
        await Step(officer, id, new JsonObject { ["action"] = "CountyConfirm", ["note"] = "确认" }, HttpStatusCode.BadRequest);   // no category
        var confirmed = await Step(officer, id, new JsonObject { ["action"] = "CountyConfirm", ["category"] = "SuddenHardship", ["note"] = "确认为突发严重困难户" });
        Assert.Equal(("Confirmed", "SuddenHardship"), ((string?)confirmed["case"]!["stage"], (string?)confirmed["case"]!["category"]));
        Assert.NotNull(confirmed["dueBy"]);                                                       // the first measure is due
        await Step(officer, id, new JsonObject
        {
            ["action"] = "AddMeasure",
            ["measure"] = new JsonObject { ["kind"] = "MedicalAssistance", ["description"] = "医疗救助", ["responsibleCadre"] = "王书记", ["start"] = "2026-03-10" },
        });
        await Step(officer, id, new JsonObject { ["action"] = "EliminateRisk", ["monthsAboveLine"] = 5, ["note"] = "稳定" }, HttpStatusCode.UnprocessableEntity);
        await Step(officer, id, new JsonObject { ["action"] = "EliminateRisk", ["monthsAboveLine"] = 6, ["note"] = "收入稳定，风险消除" });
        var closed = await Step(officer, id, new JsonObject { ["action"] = "Close", ["note"] = "销号" });

        Assert.Equal("Closed", (string?)closed["case"]!["stage"]);
        Assert.Null(closed["dueBy"]);
        Assert.Equal(["open", "village-review", "township-check", "county-confirm", "add-measure", "eliminate-risk", "close"],
            closed["case"]!["steps"]!.AsArray().Select(s => (string?)s!["action"]));
        Assert.Equal(("VillageCadre", "TownshipOfficer"), ((string?)closed["case"]!["steps"]![1]!["role"], (string?)closed["case"]!["steps"]![2]!["role"]));

        var entries = await (await app.As("operator")).GetArray($"/api/audit?resourceType=monitoring-case&resourceId={id}");
        Assert.Equal(["monitoring-case.close", "monitoring-case.eliminate-risk", "monitoring-case.add-measure", "monitoring-case.county-confirm",
            "monitoring-case.township-check", "monitoring-case.village-review", "monitoring-case.open"], entries.Select(e => (string?)e!["action"]));
    }

    [Fact]
    public async Task TheCountysListShowsItsCasesByStageAndPagesByKey()
    {
        var officer = await app.As("county.panzhou");
        var ids = new List<string>();
        foreach (var household in new[] { "hh-pz05", "hh-pz06", "hh-pz07" })
            ids.Add(await Open(officer, household, "CadreVisit"));
        await Step(await AreaStaff.Account(app, Auth.Roles.VillageCadre, "520281211203"), ids[0], new JsonObject { ["action"] = "Dismiss", ["note"] = "收入稳定，不纳入" });   // hh-pz05: 播秧村

        var first = await officer.GetObject($"{Cases}?county=520281&stage=Reported&limit=1");
        var seen = new List<string> { (string)first["items"]![0]!["id"]! };
        var next = (string?)first["next"];
        while (next is not null)
        {
            var page = await officer.GetObject($"{Cases}?county=520281&stage=Reported&limit=1&after={next}");
            seen.AddRange(page["items"]!.AsArray().Select(i => (string)i!["id"]!));
            next = (string?)page["next"];
        }
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Contains(ids[1], seen);
        Assert.Contains(ids[2], seen);
        Assert.DoesNotContain(ids[0], seen);                                                      // dismissed
        var overdue = (await officer.GetObject($"{Cases}?county=520281&overdue=true"))["items"]!.AsArray();
        Assert.DoesNotContain(overdue, i => ids.Contains((string)i!["id"]!));                  // opened today: not yet due

        using (var other = await (await app.As("county.xiuwen")).Get($"{Cases}?county=520281"))
            await other.AssertProblem(HttpStatusCode.Forbidden);
        using var badStage = await officer.Get($"{Cases}?county=520281&stage=Nowhere");
        Assert.NotNull((await badStage.AssertProblem(HttpStatusCode.BadRequest))["errors"]!["stage"]);
    }

    [Theory]
    [InlineData("county.panzhou", HttpStatusCode.OK)]
    [InlineData("township.pugu", HttpStatusCode.OK)]
    [InlineData("cadre.shepeng", HttpStatusCode.Forbidden)]                                       // hh-pz08 lives in 播秧村
    [InlineData("operator", HttpStatusCode.OK)]
    [InlineData("county.xiuwen", HttpStatusCode.Forbidden)]
    [InlineData("farmer.cj02", HttpStatusCode.Forbidden)]
    [InlineData("coop.panzhou", HttpStatusCode.Forbidden)]
    public async Task OnlyTheCountysOfficersAndOperatorsReadACaseAndEachReadIsAudited(string user, HttpStatusCode expected)
    {
        var id = await Open(await app.As("county.panzhou"), "hh-pz08", "DepartmentData");
        try
        {
            using var response = await (await app.As(user)).Get($"{Cases}/{id}");
            if (expected != HttpStatusCode.OK) { await response.AssertProblem(expected); return; }
            await response.AssertOk();
            var reads = await (await app.As("operator")).GetArray($"/api/audit?resourceType=monitoring-case&resourceId={id}");
            Assert.Contains(reads, e => (string?)e!["action"] == "monitoring-case.read" && ((string?)e["actor"])!.StartsWith(user, StringComparison.Ordinal));
        }
        finally
        {
            await Step(await AreaStaff.Account(app, Auth.Roles.VillageCadre, "520281211203"), id, new JsonObject { ["action"] = "Dismiss", ["note"] = "测试结束" });
        }
    }

    [Fact]
    public async Task AHouseholdReportsOnlyForItselfAndHasOneOpenCaseAtATime()
    {
        var farmer = await app.As("farmer.pz01");
        using (var other = await farmer.SendJson(HttpMethod.Post, Cases, new JsonObject { ["householdId"] = "hh-pz02", ["discoveryChannel"] = "SelfReport" }))
            await other.AssertProblem(HttpStatusCode.Forbidden);
        using (var visit = await farmer.SendJson(HttpMethod.Post, Cases, new JsonObject { ["householdId"] = "hh-pz01", ["discoveryChannel"] = "CadreVisit", ["note"] = "走访" }))
            await visit.AssertProblem(HttpStatusCode.Conflict);                                  // not its channel
        using (var warning = await farmer.SendJson(HttpMethod.Post, Cases, new JsonObject { ["householdId"] = "hh-pz01", ["discoveryChannel"] = "PlatformWarning" }))
            Assert.NotNull((await warning.AssertProblem(HttpStatusCode.BadRequest))["errors"]!["discoveryChannel"]);

        var officer = await app.As("county.panzhou");
        var id = await Open(officer, "hh-pz10", "CadreVisit");
        using (var again = await officer.SendJson(HttpMethod.Post, Cases, new JsonObject { ["householdId"] = "hh-pz10", ["discoveryChannel"] = "CadreVisit" }))
            Assert.Equal("urn:agrilink:problem:monitoring.case-open", (string?)(await again.AssertProblem(HttpStatusCode.Conflict))["type"]);
        await Step(await AreaStaff.Account(app, Auth.Roles.VillageCadre, AreaStaff.Niangniangshan), id, new JsonObject { ["action"] = "Dismiss", ["note"] = "不纳入" });
    }

    [Fact]
    public async Task OpeningsAtOnceThroughEveryChannelOpenOneCase()
    {
        var household = await AreaStaff.Household(app, AreaStaff.Shepeng);
        var officer = await app.As("county.panzhou");
        var cadre = await AreaStaff.Account(app, Auth.Roles.VillageCadre, AreaStaff.Shepeng);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");

        async Task<HttpResponseMessage> OpenBy(HttpClient client, string channel) => await client.SendJson(HttpMethod.Post, Cases,
            new JsonObject { ["householdId"] = household, ["discoveryChannel"] = channel, ["note"] = "同时发现" });
        async Task<HttpResponseMessage> Visit() => await cadre.SendJson(HttpMethod.Post, "/api/monitoring/visits",
            new JsonObject { ["householdId"] = household, ["visitedOn"] = today, ["note"] = "走访发现因病致贫风险", ["foundRisk"] = true });
        var responses = await Task.WhenAll(
            OpenBy(officer, "DepartmentData"), OpenBy(officer, "CadreVisit"), OpenBy(cadre, "SelfReport"), OpenBy(cadre, "CadreVisit"), Visit(), Visit());

        var opened = new List<string>();
        var named = new List<string>();
        foreach (var response in responses)
        {
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    var problem = await response.AssertProblem(HttpStatusCode.Conflict);
                    Assert.Equal("urn:agrilink:problem:monitoring.case-open", (string?)problem["type"]);
                    continue;
                }
                var body = await response.AssertOk(HttpStatusCode.Created);
                if (body["visit"] is null) opened.Add((string)body["id"]!);
                else if ((bool)body["caseOpened"]!) opened.Add((string)body["caseId"]!);
                else named.Add((string)body["caseId"]!);
            }
        }
        var id = Assert.Single(opened);
        Assert.All(named, n => Assert.Equal(id, n));
        var cases = app.Factory.Services.GetRequiredService<MonitoringQueries>();
        Assert.Equal(id, await cases.OpenCaseOf(household));
        await using var connection = await app.Factory.Services.GetRequiredService<AgriLink.Storage.AgriLinkDatabase>().OpenAsync(TestContext.Current.CancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM monitoring_cases WHERE household_id = '{household}'";   // an id the test made
        Assert.Equal(1L, Convert.ToInt64(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken)));
    }
}

using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Monitoring;

/// <summary>
/// Issue 19: the platform's warnings read a county's households from the projections and open a platform-warning case
/// once per household, warning and year, however often they run.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class MonitoringWarningsTests(SeededApp app)
{
    // A county no other test registers households in, so the run sees only this test's households.
    private const string County = "522732";
    private static readonly int LastYear = DateTime.UtcNow.AddHours(8).Year - 1;

    [Fact]
    public async Task AHouseholdUnderTheLineGetsOneWarningCaseHoweverOftenTheWarningsRun()
    {
        var op = await app.As("operator");
        string household;
        using (var registered = await op.SendJson(HttpMethod.Post, "/api/households", new JsonObject
        {
            ["profile"] = new JsonObject { ["headName"] = "预警测试户", ["countyCode"] = County, ["township"] = "周覃镇", ["village"] = "板光村", ["people"] = 3 },
        }))
            household = (string)(await registered.AssertOk(System.Net.HttpStatusCode.Created))["id"]!;
        using (var declared = await op.SendJson(HttpMethod.Put, $"/api/households/{household}/income/{LastYear}/declared",
            new JsonObject { ["wagesFen"] = 1_799_997 }))                                    // ¥17,999.97 for 3: ¥5,999.99 each
            await declared.AssertOk();
        var quiet = await op.SendJson(HttpMethod.Post, "/api/households", new JsonObject
        {
            ["profile"] = new JsonObject { ["headName"] = "无数据户", ["countyCode"] = County, ["township"] = "周覃镇", ["village"] = "板光村", ["people"] = 2 },
        });
        quiet.Dispose();

        using var first = await op.Post($"/api/monitoring/warnings/{County}/run");
        var run = await first.AssertOk();
        var id = $"mc-w-{household}-income-below-line-{LastYear}";
        Assert.Equal([id], run["openedCases"]!.AsArray().Select(c => (string?)c));          // the household without figures is not judged
        using (var again = await op.Post($"/api/monitoring/warnings/{County}/run"))
            Assert.Empty((await again.AssertOk())["openedCases"]!.AsArray());

        var opened = await op.GetObject($"/api/monitoring/cases/{id}");
        Assert.Equal(("PlatformWarning", "Reported"), ((string?)opened["case"]!["channel"], (string?)opened["case"]!["stage"]));
        Assert.Equal("income-below-line", (string?)opened["warning"]!["code"]);
        Assert.Equal(599_999, (long)opened["warning"]!["figures"]!["perCapitaFen"]!);
        Assert.Equal("Platform", (string?)opened["case"]!["steps"]![0]!["role"]);
        var entries = await op.GetArray($"/api/audit?resourceType=monitoring-case&resourceId={id}");
        Assert.Single(entries, e => (string?)e!["action"] == "monitoring-case.open");

        using var forbidden = await (await app.As("county.panzhou")).Post($"/api/monitoring/warnings/{County}/run");
        await forbidden.AssertProblem(System.Net.HttpStatusCode.Forbidden);
    }
}

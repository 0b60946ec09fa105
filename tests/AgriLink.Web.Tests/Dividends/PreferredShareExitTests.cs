using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Dividends;

/// <summary>
/// 谁贫困谁享受: in the demo, hh-pz03 and hh-pz09 are registered poor and hold preferred fiscal-fund shares, and
/// 舍烹's charter reassigns a preferred share to the remaining poor households when its holder exits poverty.
/// Only this test changes hh-pz03; the register at the 2025 year end (which the other tests read) is untouched.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class PreferredShareExitTests(SeededApp app)
{
    private const string Register = "/api/cooperatives/coop-pzcili/shares";

    [Fact]
    public async Task HouseholdExitingPovertyHasItsPreferredShareReassignedWithAnAuditTrail()
    {
        var operatorClient = await app.As("operator");
        var before = await operatorClient.GetObject(Register);
        var holdingsBefore = Holdings(before);
        var source = Assert.Single(holdingsBefore, h => (string?)h["shareholderId"] == "hh-pz03" && (bool)h["preferred"]!);
        Assert.Equal("fund-pz-2017", (string?)source["fundId"]);
        Assert.Equal(20_000, (long)source["shares"]!);
        var pz09Before = Preferred(holdingsBefore, "hh-pz09");
        Assert.Equal(20_000, pz09Before);
        var today = DividendHelpers.ChinaToday.ToString("yyyy-MM-dd");

        using var response = await operatorClient.SendJson(HttpMethod.Post, "/api/households/hh-pz03/poverty-status", new JsonObject
        {
            ["status"] = "Exited", ["effectiveOn"] = today, ["reason"] = "达到“一达标两不愁三保障”，退出",
        });

        var household = await response.AssertOk();
        Assert.Equal("Exited", (string?)household["status"]);
        var after = await operatorClient.GetObject(Register);
        var holdingsAfter = Holdings(after);
        Assert.Equal(0, Preferred(holdingsAfter, "hh-pz03"));
        Assert.Contains(holdingsAfter, h => (string?)h["holdingId"] == "h-hh-pz03-land"); // its own land stays with it
        Assert.Equal(pz09Before + 20_000, Preferred(holdingsAfter, "hh-pz09"));
        var received = Assert.Single(holdingsAfter, h => (string?)h["shareholderId"] == "hh-pz09" && (bool)h["preferred"]! && (string?)h["holdingId"] != "h-hh-pz09-fund");
        Assert.Equal("fund-pz-2017", (string?)received["fundId"]); // still traceable to the fund that formed it
        Assert.Equal("FiscalFund", (string?)received["shareClass"]);
        Assert.Equal((long)source["valuationFen"]!, (long)received["valuationFen"]!);
        // Nothing created or lost: shares and valuations are conserved.
        Assert.Equal(holdingsBefore.Sum(h => (long)h["shares"]!), holdingsAfter.Sum(h => (long)h["shares"]!));
        Assert.Equal(holdingsBefore.Sum(h => (long)h["valuationFen"]!), holdingsAfter.Sum(h => (long)h["valuationFen"]!));
        Assert.Equal(holdingsBefore.Where(h => (bool)h["preferred"]!).Sum(h => (long)h["shares"]!),
            holdingsAfter.Where(h => (bool)h["preferred"]!).Sum(h => (long)h["shares"]!));

        // History: the reassignment is an event after what was there, with the reason for the public notice.
        var history = await operatorClient.GetArray($"{Register}/history?after={(long)before["lastSequence"]!}&limit=100");
        var reassigned = Assert.Single(history);
        Assert.Equal(today, (string?)reassigned!["date"]);
        Assert.Contains("hh-pz03", (string?)reassigned["reason"]);
        Assert.Contains("operator", (string?)reassigned["actor"]);

        // The audit log keeps the lines for the notice (公示) and the household's status change.
        var coopAudit = await operatorClient.GetArray("/api/audit?resourceType=cooperative&resourceId=coop-pzcili&limit=200");
        var exit = Assert.Single(coopAudit, e => (string?)e!["action"] == "shares.preferred-exit")!;
        var report = JsonNode.Parse((string)exit["after"]!)!;
        var lines = report["auditLines"]!.AsArray().Select(l => (string)l!).ToList();
        var line = Assert.Single(lines);
        Assert.Contains("hh-pz03", line);
        Assert.Contains("hh-pz09 20000 股", line);
        Assert.Contains("重新分配", line);
        var householdAudit = await operatorClient.GetArray("/api/audit?resourceType=household&resourceId=hh-pz03&limit=200");
        var change = Assert.Single(householdAudit, e => (string?)e!["action"] == "household.change-poverty-status")!;
        Assert.Equal("RegisteredPoor", (string?)JsonNode.Parse((string)change["before"]!)!["status"]);
        Assert.Equal("Exited", (string?)JsonNode.Parse((string)change["after"]!)!["status"]);

        // The register as it stood at the 2025 year end is reconstructed unchanged (what the 2025 dividend paid on).
        var yearEnd = Holdings(await operatorClient.GetObject(Register + "?asOf=2025-12-31"));
        Assert.Equal(20_000, Preferred(yearEnd, "hh-pz03"));
        Assert.Equal(20_000, Preferred(yearEnd, "hh-pz09"));
    }

    [Fact]
    public async Task OnlyPlatformOperatorsChangePovertyStatus()
    {
        var body = new JsonObject { ["status"] = "Exited", ["effectiveOn"] = DividendHelpers.ChinaToday.ToString("yyyy-MM-dd"), ["reason"] = "自己申报脱贫" };
        var before = await (await app.As("operator")).Snapshot("/api/households/hh-pz09");

        foreach (var account in new[] { "farmer.pz01", "coop.panzhou" })
        {
            using var response = await (await app.As(account)).SendJson(HttpMethod.Post, "/api/households/hh-pz09/poverty-status", body);
            await response.AssertProblem(HttpStatusCode.Forbidden);
        }

        Assert.Equal(before, await (await app.As("operator")).Snapshot("/api/households/hh-pz09"));
    }

    private static List<JsonObject> Holdings(JsonObject view) => view["holdings"]!.AsArray().Select(h => h!.AsObject()).ToList();

    private static long Preferred(List<JsonObject> holdings, string householdId) =>
        holdings.Where(h => (string?)h["shareholderId"] == householdId && (bool)h["preferred"]!).Sum(h => (long)h["shares"]!);
}

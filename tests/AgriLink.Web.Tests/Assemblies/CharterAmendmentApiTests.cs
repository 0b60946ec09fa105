using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Dividends;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Assemblies;

/// <summary>
/// A recorded charter changes only under the member assembly's passed resolution to amend it (two thirds of all votes),
/// as a distribution is paid only under its plan's resolution: 409 with the rule in Chinese otherwise, nothing changed.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class CharterAmendmentApiTests(SeededApp app)
{
    [Fact]
    public async Task AChangeWithoutItsResolutionIsRefusedAndWithItIsRecordedAndAudited()
    {
        var (admin, id, path, before, amended) = await FreshCharterAsync();

        using (var refused = await admin.SendJson(HttpMethod.Put, path, amended))
        {
            var problem = await refused.AssertProblem(HttpStatusCode.Conflict);
            Assert.Equal("charter.no-resolution", problem.Code());
            Assert.Contains("三分之二", (string)problem["detail"]!);
        }
        Assert.Equal(before, await admin.Snapshot(path));

        // 2 of the 3 members' votes is two thirds: the amendment passes.
        var reference = await VoteAsync(admin, id, yes: 2);
        using (var recorded = await admin.SendJson(HttpMethod.Put, $"{path}?resolution={Uri.EscapeDataString(reference)}", amended))
            Assert.Equal(2000, (int)(await recorded.AssertOk())["reserveRateBp"]!);
        var audit = await admin.GetArray($"/api/audit?resourceType=cooperative&resourceId={id}&limit=50");
        var entry = Assert.Single(audit, e => (string?)e!["action"] == "charter.amend");
        Assert.Equal(reference, (string?)JsonNode.Parse((string)entry!["after"]!)!["resolution"]);

        // Used once: the same resolution cannot put the old rate back.
        using (var again = await admin.SendJson(HttpMethod.Put, $"{path}?resolution={Uri.EscapeDataString(reference)}", FreshCooperative.Charter()))
            Assert.Equal("charter.resolution-invalid", (await again.AssertProblem(HttpStatusCode.Conflict)).Code());
        Assert.Equal(2000, (int)(await admin.GetObject(path))["reserveRateBp"]!);
    }

    [Fact]
    public async Task AMajorityShortOfTwoThirdsOrAMalformedReferenceChangesNothing()
    {
        var (admin, id, path, before, amended) = await FreshCharterAsync();

        // All three present, one votes yes: a charter change needs two of the three votes.
        var reference = await VoteAsync(admin, id, yes: 1);
        using (var refused = await admin.SendJson(HttpMethod.Put, $"{path}?resolution={Uri.EscapeDataString(reference)}", amended))
        {
            var problem = await refused.AssertProblem(HttpStatusCode.Conflict);
            Assert.Equal("charter.resolution-invalid", problem.Code());
            Assert.Contains("未获通过", (string)problem["detail"]!);
        }
        using (var malformed = await admin.SendJson(HttpMethod.Put, $"{path}?resolution=nothing", amended))
            await malformed.AssertValidationProblem("resolution");
        Assert.Equal(before, await admin.Snapshot(path));
    }

    /// <summary>A cooperative of its own with its founding charter, and the same charter with the reserve raised to 20%.</summary>
    private async Task<(HttpClient Admin, string Id, string Path, string Before, JsonObject Amended)> FreshCharterAsync()
    {
        var admin = await app.As("operator");
        var id = await FreshCooperative.CreateAsync(admin);
        var path = $"/api/cooperatives/{id}/charter";
        var amended = FreshCooperative.Charter();
        amended["reserveRateBp"] = 2000;
        return (admin, id, path, await admin.Snapshot(path), amended);
    }

    /// <summary>A held meeting of all three members on one charter amendment with <paramref name="yes"/> votes for it.</summary>
    private static async Task<string> VoteAsync(HttpClient admin, string cooperativeId, int yes)
    {
        var assemblies = $"/api/cooperatives/{cooperativeId}/assemblies";
        using var called = await admin.SendJson(HttpMethod.Post, assemblies, new JsonObject
        {
            ["title"] = "修改章程成员大会", ["mode"] = "Held",
            ["resolutions"] = new JsonArray(new JsonObject { ["subject"] = "CharterAmendment", ["title"] = "公积金提取比例改为 20%" }),
        });
        var assemblyId = ((string)(await called.AssertOk(HttpStatusCode.Created))["assembly"]!["assemblyId"]!).Split(':')[^1];
        using var held = await admin.SendJson(HttpMethod.Post, $"{assemblies}/{assemblyId}/held", new JsonObject
        {
            ["present"] = 3,
            ["counts"] = new JsonObject { ["r1"] = new JsonObject { ["yes"] = yes, ["no"] = 3 - yes, ["abstain"] = 0 } },
            ["minutes"] = "三名成员出席，举手表决。",
        });
        await held.AssertOk();
        return $"{assemblyId}/r1";
    }
}

using System.Net;
using System.Security.Claims;
using AgriLink.Web.Auth;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Dividends;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Assemblies;

/// <summary>
/// The member assembly over the API on the seeded demo (盘州 coop-pzcili): who may call, vote, read and count it, each
/// checked per object; ballots secret from other members and the admins but open to the supervisors' audit (the demo
/// farmer's household is 舍烹村's supervisor), each reading audited; the quorum refusal in Chinese.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class AssemblyApiTests(SeededApp app)
{
    private const string Assemblies = "/api/cooperatives/coop-pzcili/assemblies";

    private static JsonObject Call(string mode, DateTimeOffset? closesAt = null) => new()
    {
        ["title"] = "2026 年第一次成员大会", ["mode"] = mode, ["closesAt"] = closesAt?.ToString("O"),
        ["resolutions"] = new JsonArray(new JsonObject { ["subject"] = "Other", ["title"] = "修建刺梨冷库" }),
    };

    private static async Task<string> CalledAsync(HttpClient admin, JsonObject body)
    {
        using var called = await admin.SendJson(HttpMethod.Post, Assemblies, body);
        return ((string)(await called.AssertOk(HttpStatusCode.Created))["assembly"]!["assemblyId"]!).Split(':')[^1];
    }

    [Fact]
    public async Task AMemberVotesOnceChangesItAndSeesOnlyItsOwnBallotWhileSupervisorsAuditThem()
    {
        var admin = await app.As("coop.panzhou");
        var member = await app.As("farmer.pz01");
        var id = await CalledAsync(admin, Call("Online", DateTimeOffset.UtcNow.AddDays(2)));
        var ballot = $"{Assemblies}/{id}/ballot";

        using (var first = await member.SendJson(HttpMethod.Put, ballot, new JsonObject { ["choices"] = new JsonObject { ["r1"] = "Yes" } }))
            Assert.Equal(0, (int)(await first.AssertOk())["changes"]!);
        using (var changed = await member.SendJson(HttpMethod.Put, ballot, new JsonObject { ["choices"] = new JsonObject { ["r1"] = "No" } }))
            Assert.Equal(1, (int)(await changed.AssertOk())["changes"]!);
        using (var unknown = await member.SendJson(HttpMethod.Put, ballot, new JsonObject { ["choices"] = new JsonObject { ["r9"] = "Yes" } }))
            await unknown.AssertValidationProblem("choices");

        var seen = await member.GetObject($"{Assemblies}/{id}");
        Assert.Equal("No", (string?)seen["myBallot"]!["choices"]!["r1"]);
        Assert.Empty(seen["assembly"]!["voters"]!.AsArray());
        Assert.Null(seen["assembly"]!["resolutions"]![0]!["count"]);
        Assert.DoesNotContain("hh-pz02", seen.ToJsonString(), StringComparison.Ordinal);

        // The supervisor (here the member who voted) audits every ballot; the admins see how many voted, never how.
        var ballots = await member.GetArray($"{Assemblies}/{id}/ballots");
        Assert.Equal("No", (string?)Assert.Single(ballots, b => (string?)b!["memberId"] == "hh-pz01")!["choices"]!["r1"]);
        using (var byAdmin = await admin.Get($"{Assemblies}/{id}/ballots")) await byAdmin.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(1, (int)(await admin.GetObject($"{Assemblies}/{id}"))["turnout"]!);
        // Counting waits for the window to close.
        using (var early = await admin.Post($"{Assemblies}/{id}/close"))
            Assert.Equal("assembly.voting-open", (await early.AssertProblem(HttpStatusCode.Conflict)).Code());
        Assert.Contains(await member.GetArray(Assemblies), a => ((string?)a!["id"])!.EndsWith(":" + id, StringComparison.Ordinal));

        var audit = await (await app.As("operator")).GetArray($"/api/audit?resourceType=assembly&resourceId=coop-pzcili:{id}&limit=50");
        Assert.Contains(audit, e => (string?)e!["action"] == "assembly.call");
        Assert.Equal(2, audit.Count(e => (string?)e!["action"] == "assembly.ballot"));
        var read = Assert.Single(audit, e => (string?)e!["action"] == "assembly.ballots-read");
        Assert.StartsWith("farmer.pz01", (string?)read!["actor"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCooperativesAdminAndANonMemberHouseholdAreRefusedPerObject()
    {
        var admin = await app.As("coop.panzhou");
        var otherAdmin = await app.As("coop.xiuwen");
        var outsider = await app.As("farmer.cj02");
        var id = await CalledAsync(admin, Call("Online", DateTimeOffset.UtcNow.AddDays(2)));
        var vote = new JsonObject { ["choices"] = new JsonObject { ["r1"] = "Yes" } };

        using (var call = await otherAdmin.SendJson(HttpMethod.Post, Assemblies, Call("Held"))) await call.AssertProblem(HttpStatusCode.Forbidden);
        using (var read = await otherAdmin.Get($"{Assemblies}/{id}")) await read.AssertProblem(HttpStatusCode.Forbidden);
        using (var audit = await otherAdmin.Get($"{Assemblies}/{id}/ballots")) await audit.AssertProblem(HttpStatusCode.Forbidden);
        using (var close = await otherAdmin.Post($"{Assemblies}/{id}/close")) await close.AssertProblem(HttpStatusCode.Forbidden);
        using (var list = await otherAdmin.Get(Assemblies)) await list.AssertProblem(HttpStatusCode.Forbidden);
        using (var read = await outsider.Get($"{Assemblies}/{id}")) await read.AssertProblem(HttpStatusCode.Forbidden);
        using (var cast = await outsider.SendJson(HttpMethod.Put, $"{Assemblies}/{id}/ballot", vote)) await cast.AssertProblem(HttpStatusCode.Forbidden);
        // A member who is not a supervisor, and the cooperative's own admin, may not read the ballots.
        var ordinary = $"test.member.pz02.{Guid.NewGuid():N}"[..32];
        await TestAccounts.CreateAsync(app, ordinary, "舍烹村成员", Roles.Household, new Claim(AgriLinkClaims.Household, "hh-pz02"));
        using (var audit = await (await TestAccounts.SignInAsync(app, ordinary)).Get($"{Assemblies}/{id}/ballots"))
            await audit.AssertProblem(HttpStatusCode.Forbidden);
        using (var audit = await admin.Get($"{Assemblies}/{id}/ballots")) await audit.AssertProblem(HttpStatusCode.Forbidden);
        using (var anonymous = await app.Anonymous().Get($"{Assemblies}/{id}")) Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        Assert.Empty(await (await app.As("farmer.pz01")).GetArray($"{Assemblies}/{id}/ballots"));
    }

    [Fact]
    public async Task AHeldMeetingWithoutAQuorumIsRefusedNamingTheFigures()
    {
        var admin = await app.As("coop.panzhou");
        using var called = await admin.SendJson(HttpMethod.Post, Assemblies, Call("Held"));
        var assembly = (await called.AssertOk(HttpStatusCode.Created))["assembly"]!;
        var id = ((string)assembly["assemblyId"]!).Split(':')[^1];
        var seats = (int)assembly["roll"]!["seats"]!;

        using var refused = await admin.SendJson(HttpMethod.Post, $"{Assemblies}/{id}/held", new JsonObject
        {
            ["present"] = 1, ["counts"] = new JsonObject { ["r1"] = new JsonObject { ["yes"] = 1, ["no"] = 0, ["abstain"] = 0 } }, ["minutes"] = "到会一人",
        });

        var problem = await refused.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("assembly.no-quorum", problem.Code());
        Assert.Contains($"出席 1 人，不足成员总数 {seats} 人的三分之二", (string?)problem["detail"]);
        Assert.Equal("Open", (string?)(await admin.GetObject($"{Assemblies}/{id}"))["assembly"]!["status"]);
    }
}

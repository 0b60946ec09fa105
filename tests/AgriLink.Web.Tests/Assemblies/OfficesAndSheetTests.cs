using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Dividends;
using AgriLink.Web.Tests.Infrastructure;
using AgriLink.Web.Tests.Photos;
using Xunit;

namespace AgriLink.Web.Tests.Assemblies;

/// <summary>
/// Offices (理事长, 理事, 监事) as the member assembly elects them: the founding officers recorded once as they are, every
/// later change only with a passed election resolution; and the photos of a held meeting's signed attendance sheet.
/// Each on a cooperative of its own.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class OfficesAndSheetTests(SeededApp app)
{
    [Fact]
    public async Task OfficesChangeAfterTheFoundingRecordOnlyWithAPassedElection()
    {
        var admin = await app.As("operator");
        var id = await FreshCooperative.CreateAsync(admin);
        var offices = $"/api/cooperatives/{id}/offices";
        var members = $"/api/cooperatives/{id}";

        // The founding officers, as the founding meeting elected them.
        using (var founding = await admin.SendJson(HttpMethod.Put, offices, Changes(("ind-a", "Chair"), ("ind-b", "Supervisor"))))
            await founding.AssertOk();
        Assert.Equal("Supervisor", OfficeOf(await admin.GetObject(members), "ind-b"));

        var before = await admin.Snapshot(members);
        using (var refused = await admin.SendJson(HttpMethod.Put, offices, Changes(("ind-c", "Supervisor"))))
        {
            var problem = await refused.AssertProblem(HttpStatusCode.Conflict);
            Assert.Equal("office.no-resolution", problem.Code());
            Assert.Contains("第三十三条", (string)problem["detail"]!);
        }
        // A resolution on another subject, or one that failed, elects nobody.
        var report = await HeldAsync(admin, id, "AnnualReport", yes: 3);
        using (var wrong = await admin.SendJson(HttpMethod.Put, offices, Changes([("ind-c", "Supervisor")], report)))
            Assert.Equal("office.resolution-invalid", (await wrong.AssertProblem(HttpStatusCode.Conflict)).Code());
        var failed = await HeldAsync(admin, id, "Election", yes: 1);
        using (var lost = await admin.SendJson(HttpMethod.Put, offices, Changes([("ind-c", "Supervisor")], failed)))
            Assert.Contains("未获通过", (string)(await lost.AssertProblem(HttpStatusCode.Conflict))["detail"]!);
        Assert.Equal(before, await admin.Snapshot(members));

        // A passed election: ind-c replaces ind-b as supervisor.
        var election = await HeldAsync(admin, id, "Election", yes: 2);
        using (var elected = await admin.SendJson(HttpMethod.Put, offices, Changes([("ind-b", "None"), ("ind-c", "Supervisor")], election)))
        {
            var coop = await elected.AssertOk();
            Assert.Equal("None", OfficeOf(coop, "ind-b"));
            Assert.Equal("Supervisor", OfficeOf(coop, "ind-c"));
        }
        var audit = await admin.GetArray($"/api/audit?resourceType=cooperative&resourceId={id}&limit=50");
        Assert.Equal(2, audit.Count(e => (string?)e!["action"] == "cooperative.record-offices"));

        // One chair (Art. 33); a member named twice or unknown; another cooperative's admin.
        using (var twoChairs = await admin.SendJson(HttpMethod.Put, offices, Changes([("ind-c", "Chair")], election)))
            Assert.Equal("office.one-chair", (await twoChairs.AssertProblem(HttpStatusCode.Conflict)).Code());
        using (var unknown = await admin.SendJson(HttpMethod.Put, offices, Changes([("ind-z", "Director")], election)))
            await unknown.AssertValidationProblem("changes[0].memberId");
        using (var twice = await admin.SendJson(HttpMethod.Put, offices, Changes([("ind-a", "Director"), ("ind-a", "Chair")], election)))
            await twice.AssertValidationProblem("changes[1].memberId");
        using (var malformed = await admin.SendJson(HttpMethod.Put, offices, Changes([("ind-a", "Director")], "nothing")))
            await malformed.AssertValidationProblem("resolution");
        using (var other = await (await app.As("coop.xiuwen")).SendJson(HttpMethod.Put, offices, Changes([("ind-a", "Director")], election)))
            await other.AssertProblem(HttpStatusCode.Forbidden);
        using (var anonymous = await app.Anonymous().SendJson(HttpMethod.Put, offices, Changes(("ind-a", "Director"))))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        // Admission does not make officers: the election does.
        using (var admitted = await admin.SendJson(HttpMethod.Post, $"/api/cooperatives/{id}/members", new JsonObject
               {
                   ["memberId"] = "ind-d", ["kind"] = "Individual", ["displayName"] = "社员4", ["isFarmer"] = true, ["joinedOn"] = "2016-06-01",
                   ["office"] = "Supervisor",
               }))
            await admitted.AssertValidationProblem("office");
    }

    [Fact]
    public async Task AHeldMeetingKeepsPhotosOfItsSignedSheetWhichStayOnceRecorded()
    {
        var admin = await app.As("operator");
        var id = await FreshCooperative.CreateAsync(admin);
        var assemblies = $"/api/cooperatives/{id}/assemblies";
        var assemblyId = await CallAsync(admin, id, "Held", "AnnualReport");
        var sheet = $"{assemblies}/{assemblyId}/sheet";

        using (var first = await admin.Upload(HttpMethod.Post, sheet, TestImages.Picture(1200, 1600, seed: 11)))
            Assert.Single((await first.AssertOk())["assembly"]!["sheetPhotos"]!.AsArray());
        string second;
        using (var more = await admin.Upload(HttpMethod.Post, sheet, TestImages.Picture(1200, 1600, seed: 12)))
        {
            var photos = (await more.AssertOk())["assembly"]!["sheetPhotos"]!.AsArray();
            Assert.Equal(2, photos.Count);
            second = (string)photos[1]!["id"]!;
        }
        using (var file = await app.Anonymous().Get($"/media/photos/{second}/800.jpg")) Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using (var notImage = await admin.Upload(HttpMethod.Post, sheet, "签到"u8.ToArray(), "sheet.jpg"))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notImage.StatusCode);
        using (var other = await (await app.As("coop.xiuwen")).Upload(HttpMethod.Post, sheet, TestImages.Picture(400, 300, seed: 13)))
            await other.AssertProblem(HttpStatusCode.Forbidden);

        // Before the record a photo taken by mistake can go (with its files); after it, the sheet is the record.
        using (var removed = await admin.DeleteAsync($"{sheet}/{second}", Api.Ct))
            Assert.Single((await removed.AssertOk())["assembly"]!["sheetPhotos"]!.AsArray());
        using (var gone = await app.Anonymous().Get($"/media/photos/{second}/800.jpg")) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using (var held = await admin.SendJson(HttpMethod.Post, $"{assemblies}/{assemblyId}/held", new JsonObject
               {
                   ["present"] = 3, ["counts"] = new JsonObject { ["r1"] = new JsonObject { ["yes"] = 3, ["no"] = 0, ["abstain"] = 0 } }, ["minutes"] = "三人签到。",
               }))
            await held.AssertOk();
        var kept = (string)(await admin.GetObject($"{assemblies}/{assemblyId}"))["assembly"]!["sheetPhotos"]![0]!["id"]!;
        using (var locked = await admin.DeleteAsync($"{sheet}/{kept}", Api.Ct))
            Assert.Equal("assembly.closed", (await locked.AssertProblem(HttpStatusCode.Conflict)).Code());
        var audit = await admin.GetArray($"/api/audit?resourceType=assembly&resourceId={id}:{assemblyId}&limit=50");
        Assert.Equal(2, audit.Count(e => (string?)e!["action"] == "assembly.sheet-add"));
        Assert.Single(audit, e => (string?)e!["action"] == "assembly.sheet-remove");

        // An online assembly has no sheet.
        var online = await CallAsync(admin, id, "Online", "AnnualReport");
        using (var refused = await admin.Upload(HttpMethod.Post, $"{assemblies}/{online}/sheet", TestImages.Picture(400, 300, seed: 14)))
            Assert.Equal("assembly.not-held", (await refused.AssertProblem(HttpStatusCode.Conflict)).Code());
    }

    private static JsonObject Changes(params (string Member, string Office)[] changes) => Changes(changes, null);

    private static JsonObject Changes((string Member, string Office)[] changes, string? resolution) => new()
    {
        ["changes"] = new JsonArray(changes.Select(c => (JsonNode)new JsonObject { ["memberId"] = c.Member, ["office"] = c.Office }).ToArray()),
        ["resolution"] = resolution,
    };

    private static string? OfficeOf(JsonObject cooperative, string memberId) =>
        (string?)cooperative["members"]!.AsArray().Single(m => (string?)m!["memberId"] == memberId)!["office"];

    private static async Task<string> CallAsync(HttpClient admin, string cooperativeId, string mode, string subject)
    {
        using var called = await admin.SendJson(HttpMethod.Post, $"/api/cooperatives/{cooperativeId}/assemblies", new JsonObject
        {
            ["title"] = "成员大会", ["mode"] = mode, ["closesAt"] = mode == "Online" ? DateTimeOffset.UtcNow.AddDays(2).ToString("O") : null,
            ["resolutions"] = new JsonArray(new JsonObject { ["subject"] = subject, ["title"] = subject == "Election" ? "选举监事" : "年度业务报告" }),
        });
        return ((string)(await called.AssertOk(HttpStatusCode.Created))["assembly"]!["assemblyId"]!).Split(':')[^1];
    }

    /// <summary>A held meeting of all three members on one resolution with <paramref name="yes"/> votes for it; its reference.</summary>
    private static async Task<string> HeldAsync(HttpClient admin, string cooperativeId, string subject, int yes)
    {
        var assemblyId = await CallAsync(admin, cooperativeId, "Held", subject);
        using var held = await admin.SendJson(HttpMethod.Post, $"/api/cooperatives/{cooperativeId}/assemblies/{assemblyId}/held", new JsonObject
        {
            ["present"] = 3, ["counts"] = new JsonObject { ["r1"] = new JsonObject { ["yes"] = yes, ["no"] = 3 - yes, ["abstain"] = 0 } },
            ["minutes"] = "三名成员出席，举手表决。",
        });
        await held.AssertOk();
        return $"{assemblyId}/r1";
    }
}

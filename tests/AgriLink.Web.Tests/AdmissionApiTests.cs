using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// Platform admission over the API: each step by whom it belongs to, per object; bad input and illegal steps are problems.
/// These tests register cooperatives of their own, so they run on a seeded app of their own: the shared one promises
/// exactly the demo's four cooperatives.
/// </summary>
[Collection(AdmissionAppCollection.Name)]
public sealed class AdmissionApiTests(SeededApp app)
{
    private static string Path(string cooperativeId, string step = "") =>
        $"/api/cooperatives/{cooperativeId}/admission{(step.Length > 0 ? "/" + step : "")}";

    private static async Task<string> Status(HttpClient client, string cooperativeId) =>
        (string)(await client.GetObject(Path(cooperativeId)))["status"]!;

    [Fact]
    public async Task EachStepIsTakenOnlyByWhomItBelongsTo()
    {
        var platform = await app.As("operator");
        var officer = await app.As("county.panzhou");
        var otherOfficer = await app.As("county.xiuwen");
        var otherCooperative = await app.As("coop.panzhou");
        var id = await platform.RegisterCooperative("520281");

        using (var anonymous = await app.Anonymous().Post(Path(id, "apply"))) await anonymous.AssertProblem(HttpStatusCode.Unauthorized);
        using (var stranger = await otherCooperative.Post(Path(id, "apply"))) await stranger.AssertProblem(HttpStatusCode.Forbidden);
        using (var apply = await platform.SendJson(HttpMethod.Post, Path(id, "apply"), new JsonObject { ["note"] = "代合作社提交入驻申请" }))
            Assert.Equal("Applied", (string?)(await apply.AssertOk())["status"]);

        using (var wrongCounty = await otherOfficer.Post(Path(id, "recommend"))) await wrongCounty.AssertProblem(HttpStatusCode.Forbidden);
        using (var cooperativeRecommends = await otherCooperative.Post(Path(id, "recommend"))) await cooperativeRecommends.AssertProblem(HttpStatusCode.Forbidden);
        using (var readByOtherCounty = await otherOfficer.Get(Path(id))) await readByOtherCounty.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal("Applied", await Status(officer, id));
        using (var recommend = await officer.Post(Path(id, "recommend"))) await recommend.AssertOk();

        using (var officerApproves = await officer.Post(Path(id, "approve"))) await officerApproves.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal("CountyRecommended", await Status(platform, id));
        using (var approve = await platform.Post(Path(id, "approve")))
        {
            var approved = await approve.AssertOk();
            Assert.Equal("Approved", (string?)approved["status"]);
            Assert.True((bool)approved["maySell"]!);
            Assert.Equal(["operator", "county.panzhou", "operator"], approved["history"]!.AsArray().Select(h => (string?)h!["by"]));
        }
    }

    [Fact]
    public async Task TheCountyDeclinesWithAReasonAndTheCooperativeMayApplyAgain()
    {
        var platform = await app.As("operator");
        var officer = await app.As("county.panzhou");
        var otherOfficer = await app.As("county.xiuwen");
        var id = await platform.RegisterCooperative("520281");
        using (var apply = await platform.Post(Path(id, "apply"))) await apply.AssertOk();

        using (var wrongCounty = await otherOfficer.SendJson(HttpMethod.Post, Path(id, "decline"), new JsonObject { ["reason"] = "不在本县" }))
            await wrongCounty.AssertProblem(HttpStatusCode.Forbidden);
        using (var noReason = await officer.SendJson(HttpMethod.Post, Path(id, "decline"), new JsonObject()))
            await noReason.AssertValidationProblem("reason");
        Assert.Equal("Applied", await Status(officer, id));

        using (var decline = await officer.SendJson(HttpMethod.Post, Path(id, "decline"), new JsonObject { ["reason"] = "带贫益贫材料不全，请补充后再申请" }))
        {
            var declined = await decline.AssertOk();
            Assert.Equal("Rejected", (string?)declined["status"]);
            var last = declined["history"]!.AsArray()[^1]!;
            Assert.Equal(("Decline", "county.panzhou", "带贫益贫材料不全，请补充后再申请"), ((string?)last["action"], (string?)last["by"], (string?)last["note"]));
        }
        using (var again = await platform.Post(Path(id, "apply"))) Assert.Equal("Applied", (string?)(await again.AssertOk())["status"]);
    }

    [Fact]
    public async Task IllegalStepIsAConflictAndChangesNothing()
    {
        var platform = await app.As("operator");
        var id = await platform.RegisterCooperative();
        await platform.Admit(id);
        var before = await platform.Snapshot(Path(id));

        using var approveAgain = await platform.Post(Path(id, "approve"));
        using var reinstateApproved = await platform.Post(Path(id, "reinstate"));
        // The demo cooperative's own admin may apply, but it is already admitted.
        using var demoApplies = await (await app.As("coop.panzhou")).Post(Path("coop-pzcili", "apply"));

        Assert.Equal("urn:agrilink:problem:admission.illegal-transition", (string?)(await approveAgain.AssertProblem(HttpStatusCode.Conflict))["type"]);
        await reinstateApproved.AssertProblem(HttpStatusCode.Conflict);
        await demoApplies.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(before, await platform.Snapshot(Path(id)));
    }

    [Fact]
    public async Task SuspensionNeedsAKnownReasonAndText()
    {
        var platform = await app.As("operator");
        var id = await platform.RegisterCooperative();
        await platform.Admit(id);

        using var missing = await platform.SendJson(HttpMethod.Post, Path(id, "suspend"), new JsonObject());
        using var unknownReason = await platform.SendJson(HttpMethod.Post, Path(id, "suspend"), """{"reason":"Gossip","text":"x"}""");
        using var rejectWithoutReason = await platform.SendJson(HttpMethod.Post, Path(id, "reject"), new JsonObject());
        using var byCooperative = await (await app.As("coop.panzhou")).SendJson(HttpMethod.Post, Path("coop-pzcili", "suspend"),
            new JsonObject { ["reason"] = "PriceComplaint", ["text"] = "自己停自己" });

        await missing.AssertValidationProblem("reason", "suspensionReason");
        await unknownReason.AssertProblem(HttpStatusCode.BadRequest);
        await rejectWithoutReason.AssertValidationProblem("reason");
        await byCooperative.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal("Approved", await Status(platform, id));
        Assert.Equal("Approved", await Status(platform, "coop-pzcili"));
    }

    [Fact]
    public async Task SuspendedCooperativesListingsLeaveTheMarketUntilReinstated()
    {
        var platform = await app.As("operator");
        var anonymous = app.Anonymous();
        var id = await platform.RegisterCooperative();
        var listingId = await platform.CreateDraft(id, Listings.Draft(title: "停牌测试刺梨"));

        using (var early = await platform.Post($"/api/listings/{listingId}/publish"))
            Assert.Equal("urn:agrilink:problem:cooperative.not-admitted", (string?)(await early.AssertProblem(HttpStatusCode.Conflict))["type"]);
        await platform.Admit(id);
        using (var publish = await platform.Post($"/api/listings/{listingId}/publish")) await publish.AssertOk();
        Assert.Contains(listingId, await PublicIds(anonymous, id));

        using (var suspend = await platform.SendJson(HttpMethod.Post, Path(id, "suspend"),
                   new JsonObject { ["reason"] = "QualityComplaint", ["text"] = "抽检农残超标" }))
            Assert.Equal("Suspended", (string?)(await suspend.AssertOk())["status"]);

        using (var hidden = await anonymous.Get($"/api/listings/{listingId}")) await hidden.AssertProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(listingId, await PublicIds(anonymous, id));
        Assert.Contains(listingId, await PublicIds(platform, id));

        using (var reinstate = await platform.Post(Path(id, "reinstate"))) await reinstate.AssertOk();
        Assert.Equal("停牌测试刺梨", (string?)(await anonymous.GetObject($"/api/listings/{listingId}"))["draft"]!["title"]);
        Assert.Contains(listingId, await PublicIds(anonymous, id));
    }

    [Fact]
    public async Task UnknownCooperativeHasNoAdmission()
    {
        using var response = await (await app.As("operator")).Post(Path("coop-doesnotexist", "apply"));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    private static async Task<List<string?>> PublicIds(HttpClient client, string cooperativeId) =>
        (await client.GetObject($"/api/listings?cooperativeId={cooperativeId}&limit=200"))["items"]!.AsArray().Select(i => (string?)i!["id"]).ToList();
}

[CollectionDefinition(Name)]
public sealed class AdmissionAppCollection : ICollectionFixture<SeededApp>
{
    public const string Name = "Seeded app for admission";
}

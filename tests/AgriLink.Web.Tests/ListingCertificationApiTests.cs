using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>扶贫产品认定 over the API: only platform administrators grant or revoke it; the listing shows it and its history.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class ListingCertificationApiTests(SeededApp app)
{
    private static readonly JsonObject Approval = new() { ["certificateNumber"] = "黔扶认〔2026〕0520号", ["approvedOn"] = "2026-05-20" };

    private static string Path(string listingId) => $"/api/listings/{listingId}/certifications/poverty";

    [Fact]
    public async Task OnlyThePlatformGrantsAndRevokesTheCertification()
    {
        var owner = await app.As("coop.panzhou");
        var platform = await app.As("operator");
        var id = await owner.CreateDraft("coop-pzcili", Listings.Draft(title: "认定测试刺梨"));

        using (var anonymous = await app.Anonymous().SendJson(HttpMethod.Post, Path(id), Approval.DeepClone()))
            await anonymous.AssertProblem(HttpStatusCode.Unauthorized);
        using (var byOwner = await owner.SendJson(HttpMethod.Post, Path(id), Approval.DeepClone()))
            await byOwner.AssertProblem(HttpStatusCode.Forbidden);
        using (var byOfficer = await (await app.As("county.panzhou")).SendJson(HttpMethod.Post, Path(id), Approval.DeepClone()))
            await byOfficer.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Null((await owner.GetObject($"/api/listings/{id}"))["povertyCertification"]);

        using (var grant = await platform.SendJson(HttpMethod.Post, Path(id), Approval.DeepClone())) await grant.AssertOk();
        var shown = await owner.GetObject($"/api/listings/{id}");
        Assert.Equal("黔扶认〔2026〕0520号", (string?)shown["povertyCertification"]!["certificateNumber"]);
        Assert.Equal("2026-05-20", (string?)shown["povertyCertification"]!["approvedOn"]);

        using (var again = await platform.SendJson(HttpMethod.Post, Path(id), Approval.DeepClone()))
            await again.AssertProblem(HttpStatusCode.Conflict);
        using (var ownerRevokes = await owner.SendJson(HttpMethod.Delete, Path(id), new JsonObject { ["reason"] = "不想要了" }))
            await ownerRevokes.AssertProblem(HttpStatusCode.Forbidden);
        using (var noReason = await platform.SendJson(HttpMethod.Delete, Path(id), new JsonObject()))
            await noReason.AssertValidationProblem("reason");
        Assert.NotNull((await owner.GetObject($"/api/listings/{id}"))["povertyCertification"]);

        using (var revoke = await platform.SendJson(HttpMethod.Delete, Path(id), new JsonObject { ["reason"] = "抽检发现外购产品" }))
        {
            var revoked = await revoke.AssertOk();
            Assert.Null(revoked["povertyCertification"]);
            var history = revoked["certificationHistory"]!.AsArray();
            Assert.Equal([true, false], history.Select(h => (bool)h!["granted"]!));
            Assert.Equal("抽检发现外购产品", (string?)history[1]!["reason"]);
            Assert.Equal("operator", (string?)history[1]!["by"]);
        }
    }

    [Fact]
    public async Task BadGrantIsAValidationProblem()
    {
        var id = await (await app.As("coop.panzhou")).CreateDraft("coop-pzcili", Listings.Draft(title: "认定输入测试"));

        using var response = await (await app.As("operator")).SendJson(HttpMethod.Post, Path(id),
            new JsonObject { ["certificateNumber"] = " ", ["approvedOn"] = "2099-01-01" });

        await response.AssertValidationProblem("certificateNumber", "approvedOn");
        Assert.Null((await (await app.As("coop.panzhou")).GetObject($"/api/listings/{id}"))["povertyCertification"]);
    }

    [Fact]
    public async Task UnknownListingIsNotFound()
    {
        using var response = await (await app.As("operator")).SendJson(HttpMethod.Post, Path("lst-doesnotexist"), Approval.DeepClone());

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListingFieldsRoundTripAndBadCodesAreRefused()
    {
        var owner = await app.As("coop.panzhou");
        var draft = Listings.Draft(title: "配送区域测试");
        draft["deliveryAreas"] = new JsonArray("440000", "520281");
        draft["producerIds"] = new JsonArray("hh-pz01");
        draft["certifications"] = new JsonArray(new JsonObject { ["kind"] = "GeographicalIndication", ["certificateNumber"] = "AGI01234" });
        var id = await owner.CreateDraft("coop-pzcili", draft);

        var shown = (await owner.GetObject($"/api/listings/{id}"))["draft"]!;
        Assert.Equal(["440000", "520281"], shown["deliveryAreas"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(["hh-pz01"], shown["producerIds"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("GeographicalIndication", (string?)shown["certifications"]![0]!["kind"]);

        var bad = Listings.Draft();
        bad["deliveryAreas"] = new JsonArray("999999");
        bad["producerIds"] = new JsonArray("hh-xw01");
        using var refused = await owner.SendJson(HttpMethod.Put, $"/api/listings/{id}", bad);
        await refused.AssertValidationProblem("deliveryAreas");
        bad.Remove("deliveryAreas");
        using var stranger = await owner.SendJson(HttpMethod.Put, $"/api/listings/{id}", bad);
        await stranger.AssertValidationProblem("producerIds");
        Assert.Equal("配送区域测试", (string?)(await owner.GetObject($"/api/listings/{id}"))["draft"]!["title"]);
    }
}

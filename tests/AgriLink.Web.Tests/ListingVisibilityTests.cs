using System.Net;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

[Collection(SeededAppCollection.Name)]
public sealed class ListingVisibilityTests(SeededApp app)
{
    [Fact]
    public async Task DraftIsInvisibleToTheAnonymousUntilItsCooperativePublishesIt()
    {
        var owner = await app.As("coop.panzhou");
        var anonymous = app.Anonymous();

        var id = await owner.CreateDraft("coop-pzcili", Listings.Draft(title: "可见性测试刺梨"));
        using var hidden = await anonymous.Get($"/api/listings/{id}");
        var hiddenFromList = await anonymous.GetObject("/api/listings?cooperativeId=coop-pzcili&limit=200");
        var shownToOwner = await owner.GetObject($"/api/listings/{id}");

        await hidden.AssertProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, hiddenFromList["items"]!.AsArray().Select(i => (string?)i!["id"]));
        Assert.Equal("Draft", (string?)shownToOwner["status"]);

        using var publish = await owner.Post($"/api/listings/{id}/publish");
        var published = await publish.AssertOk();
        var visible = await anonymous.GetObject($"/api/listings/{id}");
        var visibleInList = await anonymous.GetObject("/api/listings?cooperativeId=coop-pzcili&limit=200");

        Assert.Equal("Active", (string?)published["status"]);
        Assert.Equal("可见性测试刺梨", (string?)visible["draft"]!["title"]);
        Assert.Contains(id, visibleInList["items"]!.AsArray().Select(i => (string?)i!["id"]));
    }

    [Fact]
    public async Task AnotherCooperativeCannotPublishOrSeeTheDraft()
    {
        var owner = await app.As("coop.panzhou");
        var other = await app.As("coop.xiuwen");
        var id = await owner.CreateDraft("coop-pzcili");
        var before = await owner.Snapshot($"/api/listings/{id}");

        using var publish = await other.Post($"/api/listings/{id}/publish");
        using var read = await other.Get($"/api/listings/{id}");

        await publish.AssertProblem(HttpStatusCode.Forbidden);
        await read.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(before, await owner.Snapshot($"/api/listings/{id}"));
    }

    [Fact]
    public async Task CooperativeAdminCannotCreateListingsForAnotherCooperative()
    {
        var other = await app.As("coop.xiuwen");
        var before = await (await app.As("coop.panzhou")).Snapshot("/api/listings?cooperativeId=coop-pzcili&limit=200");

        using var response = await other.SendJson(HttpMethod.Post, "/api/cooperatives/coop-pzcili/listings", Listings.Draft());

        await response.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await (await app.As("coop.panzhou")).Snapshot("/api/listings?cooperativeId=coop-pzcili&limit=200"));
    }

    [Fact]
    public async Task SeededDemoIsBrowsableWithoutSigningIn()
    {
        var anonymous = app.Anonymous();

        var kiwi = await anonymous.GetObject("/api/listings/lst-xwkiwi5jin");
        var cooperatives = await anonymous.GetObject("/api/cooperatives?limit=200");
        using var seededDraft = await anonymous.Get("/api/listings/lst-cjdraftpassion");

        Assert.Equal("coop-xwkiwi", (string?)kiwi["cooperativeId"]);
        Assert.Equal("Active", (string?)kiwi["status"]);
        // Other tests of this shared app register cooperatives of their own: the demo's four are there, whatever else is.
        var ids = cooperatives["items"]!.AsArray().Select(c => (string)c!["id"]!).ToList();
        Assert.Equal(ids.Count, (int)cooperatives["total"]!);
        Assert.Subset(ids.ToHashSet(), new HashSet<string> { "coop-pzcili", "coop-xwkiwi", "coop-mttea", "coop-cjxiang" });
        await seededDraft.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PublishingTwiceIsAConflict()
    {
        var owner = await app.As("coop.panzhou");
        var id = await owner.CreateDraft("coop-pzcili");
        using var first = await owner.Post($"/api/listings/{id}/publish");
        var before = await owner.Snapshot($"/api/listings/{id}");

        using var second = await owner.Post($"/api/listings/{id}/publish");

        await first.AssertOk();
        await second.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(before, await owner.Snapshot($"/api/listings/{id}"));
    }
}

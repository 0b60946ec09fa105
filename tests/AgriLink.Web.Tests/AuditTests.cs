using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

[Collection(SeededAppCollection.Name)]
public sealed class AuditTests(SeededApp app)
{
    [Fact]
    public async Task ListingChangeIsAuditedWithActorActionBeforeAndAfter()
    {
        var owner = await app.As("coop.panzhou");
        var id = await owner.CreateDraft("coop-pzcili", Listings.Draft(stock: 100));
        using var change = await owner.SendJson(HttpMethod.Put, $"/api/listings/{id}/stock", """{"stock":42.5}""");
        await change.AssertOk();

        var entries = await (await app.As("operator")).GetArray($"/api/audit?resourceType=listing&resourceId={id}");

        Assert.Equal(["listing.set-stock", "listing.create"], entries.Select(e => (string?)e!["action"]));
        var entry = entries[0]!;
        Assert.StartsWith("coop.panzhou", (string?)entry["actor"]);
        Assert.Equal(id, (string?)entry["resourceId"]);
        Assert.Equal(100m, (decimal)JsonNode.Parse((string)entry["before"]!)!["draft"]!["stock"]!);
        Assert.Equal(42.5m, (decimal)JsonNode.Parse((string)entry["after"]!)!["draft"]!["stock"]!);
        Assert.Null((string?)entries[1]!["before"]);
    }

    [Fact]
    public async Task RefusedChangeLeavesNoAuditEntry()
    {
        var owner = await app.As("coop.panzhou");
        var id = await owner.CreateDraft("coop-pzcili");

        using var refused = await owner.SendJson(HttpMethod.Put, $"/api/listings/{id}/stock", """{"stock":-1}""");
        using var forbidden = await (await app.As("coop.xiuwen")).Post($"/api/listings/{id}/publish");
        var entries = await (await app.As("operator")).GetArray($"/api/audit?resourceType=listing&resourceId={id}");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(["listing.create"], entries.Select(e => (string?)e!["action"]));
    }
}

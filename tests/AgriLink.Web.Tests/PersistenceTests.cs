using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Storage;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>Stops the host (web and silo) and starts a new one on the same data folder.</summary>
public sealed class PersistenceTests
{
    private static readonly Dictionary<string, string?> Seeded = new() { ["AgriLink:SeedDemo"] = "true" };

    [Fact]
    public async Task EveryAcknowledgedWriteSurvivesARestartOnTheSameDataFolder()
    {
        using var folder = new TempFolder();
        string token, listingId, householdId, seededAt;
        JsonObject listing, household, coop;
        int auditEntries;

        await using (var first = new AgriLinkFactory(folder.Path, Seeded))
        {
            seededAt = await SeededAt(first);
            // The demo's photos are drawn after the server listens and change its listings and cooperatives: compare after.
            await first.DemoPhotosDrawn();
            token = await first.CreateClient().LoginAsync("coop.panzhou", DemoData.Password);
            var admin = first.CreateClient().WithBearer(token);
            var operatorClient = await AsOperator(first);

            listingId = await admin.CreateDraft("coop-pzcili", Listings.Draft(title: "重启测试刺梨", stock: 300));
            using (var publish = await admin.Post($"/api/listings/{listingId}/publish")) await publish.AssertOk();
            using (var stock = await admin.SendJson(HttpMethod.Put, $"/api/listings/{listingId}/stock", """{"stock":275.5}"""))
                listing = await stock.AssertOk();

            using (var register = await admin.SendJson(HttpMethod.Post, "/api/households", """
                {"profile":{"headName":"杨光明","countyCode":"520281","township":"普古乡","village":"舍烹村","people":4}}
                """))
                household = await register.AssertOk(HttpStatusCode.Created);
            householdId = (string)household["id"]!;
            var member = new JsonObject
            {
                ["memberId"] = householdId, ["kind"] = "Household", ["displayName"] = "杨光明", ["isFarmer"] = true, ["joinedOn"] = "2024-03-01",
            };
            // A cooperative admin only invites a household; the operator admits one without an account of its own.
            using (var join = await operatorClient.SendJson(HttpMethod.Post, "/api/cooperatives/coop-pzcili/members", member))
                await join.AssertOk();
            coop = await admin.GetObject("/api/cooperatives/coop-pzcili");
            household = await operatorClient.GetObject($"/api/households/{householdId}");

            auditEntries = (await operatorClient.GetArray("/api/audit?limit=200")).Count;
        }

        await using var second = new AgriLinkFactory(folder.Path, Seeded);
        var sameToken = second.CreateClient().WithBearer(token);

        Assert.Equal(seededAt, await SeededAt(second));
        var me = await sameToken.GetObject("/api/auth/me");
        Assert.Equal("coop.panzhou", (string?)me["userName"]);
        Assert.Equal(listing.ToJsonString(), (await sameToken.GetObject($"/api/listings/{listingId}")).ToJsonString());
        Assert.Equal("Active", (string?)(await second.CreateClient().GetObject($"/api/listings/{listingId}"))["status"]);
        var listed = await second.CreateClient().GetObject("/api/listings?cooperativeId=coop-pzcili&limit=200");
        Assert.Contains(listingId, listed["items"]!.AsArray().Select(i => (string?)i!["id"]));
        var secondOperator = await AsOperator(second);
        Assert.Equal(household.ToJsonString(), (await secondOperator.GetObject($"/api/households/{householdId}")).ToJsonString());
        Assert.Equal(coop.ToJsonString(), (await sameToken.GetObject("/api/cooperatives/coop-pzcili")).ToJsonString());
        var audit = await secondOperator.GetArray("/api/audit?limit=200");
        Assert.Equal(auditEntries, audit.Count);
        Assert.Equal(["listing.set-stock", "listing.publish", "listing.create"],
            audit.Where(e => (string?)e!["resourceId"] == listingId).Select(e => (string?)e!["action"]));
    }

    [Fact]
    public async Task InstallationWithAccountsThatWasNeverSeededIsNotSeeded()
    {
        using var folder = new TempFolder();
        await using (var unseeded = new AgriLinkFactory(folder.Path, new Dictionary<string, string?> { ["AgriLink:SeedDemo"] = "false" }))
        {
            await using var scope = unseeded.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Auth.AgriLinkUser>>();
            var created = await users.CreateAsync(new Auth.AgriLinkUser { UserName = "real.user", DisplayName = "真实用户" }, "Real#User2026");
            Assert.True(created.Succeeded);
        }

        await using var restarted = new AgriLinkFactory(folder.Path, Seeded);
        var cooperatives = await restarted.CreateClient().GetObject("/api/cooperatives");

        Assert.Equal(0, (int)cooperatives["total"]!);
        Assert.Null(await restarted.Services.GetRequiredService<AgriLinkDatabase>().GetMetaAsync("demo.seeded", Api.Ct));
    }

    private static async Task<string> SeededAt(AgriLinkFactory factory) =>
        await factory.Services.GetRequiredService<AgriLinkDatabase>().GetMetaAsync("demo.seeded", Api.Ct)
        ?? throw new InvalidOperationException("The demo was not seeded.");

    private static async Task<HttpClient> AsOperator(AgriLinkFactory factory) =>
        factory.CreateClient().WithBearer(await factory.CreateClient().LoginAsync("operator", DemoData.Password));
}

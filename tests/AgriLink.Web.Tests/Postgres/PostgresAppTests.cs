using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Postgres;

/// <summary>The whole app with Storage:Provider=PostgreSQL: the demo seeds into PostgreSQL and an order outlives a restart.</summary>
public sealed class PostgresAppTests
{
    [Fact]
    public async Task TheAppSeedsTheDemoIntoPostgresAndKeepsAnOrderAcrossARestart()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var folder = new TempFolder();
        var settings = PostgresApps.Settings(database, seedDemo: true);
        string orderId, listingId;
        JsonObject placed, listing;

        await using (var first = PostgresApps.Start(folder.Path, settings))
        {
            var signIn = new DemoSignIn(first);
            listingId = await PostgresApps.ActiveListing(await signIn.As("coop.panzhou"));
            var buyer = await signIn.As("buyer.canteen");
            orderId = await PostgresApps.PlaceOrder(buyer, listingId, quantity: 12);
            placed = await buyer.GetObject($"/api/orders/{orderId}");
            listing = await signIn.Anonymous().GetObject($"/api/listings/{listingId}");
        }

        // Everything went to PostgreSQL: no SQLite file was made, and the demo's users, grains and audit are there.
        Assert.False(File.Exists(Path.Combine(folder.Path, "agrilink.db")));
        Assert.True(await database.CountAsync("AspNetUsers") >= 10);
        Assert.True(await database.CountAsync("grain_state") > 50);
        Assert.True(await database.CountAsync("audit_log") > 0);
        Assert.Equal(88m, (decimal)listing["draft"]!["stock"]!);

        await using var second = PostgresApps.Start(folder.Path, settings);
        var again = new DemoSignIn(second);
        var reread = await (await again.As("buyer.canteen")).GetObject($"/api/orders/{orderId}");
        Assert.Equal(placed.ToJsonString(), reread.ToJsonString());
        Assert.Equal(listing.ToJsonString(), (await again.Anonymous().GetObject($"/api/listings/{listingId}")).ToJsonString());
        using var foreign = await (await again.As("buyer.consumer")).Get($"/api/orders/{orderId}");
        await foreign.AssertProblem(HttpStatusCode.Forbidden);
    }
}

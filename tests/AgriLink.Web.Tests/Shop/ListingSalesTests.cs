using AgriLink.Grains.Projections;
using AgriLink.Storage;
using AgriLink.Web.Tests.Infrastructure;
using AgriLink.Web.Tests.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Shop;

/// <summary>
/// A listing's quantity sold (已售) as a running total in <c>listing_totals</c>, moved with each order's write, on SQLite and
/// PostgreSQL: an invoice order counts when placed, a cancelled sub-order is taken away, and a rebuild finds the same figure.
/// </summary>
public sealed class ListingSalesTests
{
    [Fact]
    public async Task SoldFollowsOrdersAndCancellations()
    {
        using var folder = new TempFolder();
        await using var app = PostgresApps.Start(folder.Path, PostgresApps.Settings(database: null, seedDemo: true));
        await FollowsOrders(app);
    }

    [Fact]
    public async Task SoldFollowsOrdersAndCancellationsOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var folder = new TempFolder();
        await using var app = PostgresApps.Start(folder.Path, PostgresApps.Settings(database, seedDemo: true));
        await FollowsOrders(app);
    }

    private static async Task FollowsOrders(AgriLinkFactory app)
    {
        var signIn = new DemoSignIn(app);
        var buyer = await signIn.As("buyer.canteen");
        var listingId = await PostgresApps.ActiveListing(await signIn.As("coop.panzhou"));
        var queries = app.Services.GetRequiredService<DirectoryQueries>();
        Assert.Equal(0m, (await queries.ListingCards([listingId]))[listingId].Sold);

        await PostgresApps.PlaceOrder(buyer, listingId, quantity: 12);
        var cancelled = await PostgresApps.PlaceOrder(buyer, listingId, quantity: 7.5m);
        Assert.Equal(19.5m, (await queries.ListingCards([listingId]))[listingId].Sold);

        var reason = new System.Text.Json.Nodes.JsonObject { ["reason"] = "买错了" };
        using (var cancel = await buyer.SendJson(HttpMethod.Post, $"/api/orders/{cancelled}/cancel", reason)) await cancel.AssertOk();
        Assert.Equal(12m, (await queries.ListingCards([listingId]))[listingId].Sold);
        // Cancelling again is answered as done and moves nothing.
        using (var again = await buyer.SendJson(HttpMethod.Post, $"/api/orders/{cancelled}/cancel", reason)) await again.AssertOk();
        Assert.Equal(12m, (await queries.ListingCards([listingId]))[listingId].Sold);

        // The running total equals the sum over the rows that a rebuild adds up.
        var database = app.Services.GetRequiredService<AgriLinkDatabase>();
        await using var connection = await database.OpenAsync(Api.Ct);
        await using var sum = connection.CreateCommand();
        sum.CommandText = "SELECT COALESCE(SUM(o.quantity_milli), 0) FROM order_lines o JOIN sub_orders s ON s.order_id = o.order_id " +
            $"AND s.cooperative_id = o.cooperative_id WHERE o.listing_id = '{listingId}' AND s.status NOT IN ('AwaitingPayment', 'Cancelled', 'Refunded')";
        Assert.Equal(12_000L, Convert.ToInt64(await sum.ExecuteScalarAsync(Api.Ct)));
    }
}

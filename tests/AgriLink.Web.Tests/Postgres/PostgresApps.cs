using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;

namespace AgriLink.Web.Tests.Postgres;

/// <summary>Starting apps on a test PostgreSQL database, and the few writes the PostgreSQL tests make through the API.</summary>
internal static class PostgresApps
{
    public static Dictionary<string, string?> Settings(PostgresDatabase? database, bool seedDemo) =>
        new(database?.Settings ?? new Dictionary<string, string?>())
        {
            ["AgriLink:SeedDemo"] = seedDemo ? "true" : "false",
            ["AgriLink:SignInAttemptsPerMinute"] = "100000",
        };

    /// <summary>A started app (silo, schema, Identity and demo seeding done).</summary>
    public static AgriLinkFactory Start(string dataFolder, IReadOnlyDictionary<string, string?> settings)
    {
        var factory = new AgriLinkFactory(dataFolder, settings);
        factory.StartServer();
        return factory;
    }

    /// <summary>A new published listing of coop-pzcili with 100 units, so orders never drain the demo's stock.</summary>
    public static async Task<string> ActiveListing(HttpClient cooperativeAdmin)
    {
        var id = await cooperativeAdmin.CreateDraft("coop-pzcili", Listings.Draft(title: "迁移测试刺梨", priceFen: 650, stock: 100));
        using var published = await cooperativeAdmin.Post($"/api/listings/{id}/publish");
        await published.AssertOk();
        return id;
    }

    /// <summary>Places an invoice order of the canteen for <paramref name="quantity"/> units; returns its id.</summary>
    public static async Task<string> PlaceOrder(HttpClient canteen, string listingId, decimal quantity)
    {
        var order = new JsonObject
        {
            ["buyerId"] = "buyer-gzcanteen",
            ["paymentMethod"] = "Invoice",
            ["lines"] = new JsonArray(new JsonObject { ["listingId"] = listingId, ["quantity"] = quantity }),
            ["deliveryRegionCode"] = "440103",
            ["deliveryAddress"] = "广州市荔湾区中山七路 1 号机关食堂",
        };
        using var response = await canteen.PostAsync("/api/orders", new StringContent(order.ToJsonString(), Encoding.UTF8, "application/json"), Api.Ct);
        return (string)(await response.AssertOk(HttpStatusCode.Created))["id"]!;
    }
}

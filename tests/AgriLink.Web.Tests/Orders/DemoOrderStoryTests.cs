using System.Text.Json.Nodes;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Orders;

/// <summary>
/// The README's demo story, tried as its accounts would on a demo of its own (it changes the demo's orders): the canteen
/// opens its order from 盘州 and 修文, 修文 ships its part, and the canteen confirms both parts delivered.
/// </summary>
public sealed class DemoOrderStoryTests(SeededApp app) : IClassFixture<SeededApp>
{
    private static readonly string Order = $"/api/orders/{DemoMarketplace.CanteenOrderId}";

    [Fact]
    public async Task TheCanteensOrderIsShippedByXiuwenAndDelivered()
    {
        var canteen = await app.As("buyer.canteen");
        Assert.Equal(["Shipped", "Placed"], Statuses(await canteen.GetObject(Order)));

        var xiuwen = await app.As("coop.xiuwen");
        var own = await xiuwen.GetObject(Order);
        Assert.Equal("coop-xwkiwi", (string)Assert.Single(own["subOrders"]!.AsArray())!["cooperativeId"]!);
        using (var shipped = await xiuwen.Post($"{Order}/suborders/coop-xwkiwi/ship")) await shipped.AssertOk();

        foreach (var cooperative in new[] { "coop-pzcili", "coop-xwkiwi" })
        {
            using var delivered = await canteen.Post($"{Order}/suborders/{cooperative}/deliver");
            await delivered.AssertOk();
        }
        Assert.Equal(["Delivered", "Delivered"], Statuses(await canteen.GetObject(Order)));
    }

    private static string[] Statuses(JsonObject order) =>
        order["subOrders"]!.AsArray().OrderBy(s => (string)s!["cooperativeId"]!, StringComparer.Ordinal).Select(s => (string)s!["status"]!).ToArray();
}

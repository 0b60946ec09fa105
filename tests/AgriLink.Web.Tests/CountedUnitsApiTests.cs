using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>Issue 16, item 7 through the API: 1.5 箱 is neither ordered nor stocked, and a title no one can read is refused.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class CountedUnitsApiTests(SeededApp app)
{
    [Fact]
    public async Task HalfABoxIsNeitherOrderedNorStocked()
    {
        var coop = await app.As("coop.xiuwen");
        var listing = await coop.CreateDraft("coop-xwkiwi", Listings.KiwiDraft("修文猕猴桃整箱测试", stock: 40));
        using (var published = await coop.Post($"/api/listings/{listing}/publish")) await published.AssertOk();
        var before = await coop.Snapshot($"/api/listings/{listing}");

        using (var stock = await coop.SendJson(HttpMethod.Put, $"/api/listings/{listing}/stock", """{"stock":1178.5}"""))
            await stock.AssertValidationProblem("stock");
        var order = new JsonObject
        {
            ["buyerId"] = "buyer-zhangwei",
            ["paymentMethod"] = "Invoice",
            ["lines"] = new JsonArray(new JsonObject { ["listingId"] = listing, ["quantity"] = 1.5m }),
            ["deliveryRegionCode"] = "440103",
            ["deliveryAddress"] = "广州市荔湾区中山七路 1 号",
        };
        using (var placed = await (await app.As("buyer.consumer")).SendJson(HttpMethod.Post, "/api/orders", order))
            await placed.AssertValidationProblem("lines[0].quantity");
        var draft = Listings.KiwiDraft("修文猕猴桃整箱测试", stock: 40);
        draft["minOrder"] = 0.5m;
        using (var edit = await coop.SendJson(HttpMethod.Put, $"/api/listings/{listing}", draft))
            await edit.AssertValidationProblem("minOrder");

        Assert.Equal(before, await coop.Snapshot($"/api/listings/{listing}"));
    }

    [Theory]
    [InlineData("title", "\u200B\u200B")]
    [InlineData("title", "\u202E盒礼桃猴猕")]
    [InlineData("harvestDate", "0001-01-01")]
    [InlineData("harvestDate", "9999-12-31")]
    public async Task ImplausibleTitlesAndDatesAreRefused(string field, string value)
    {
        var coop = await app.As("coop.xiuwen");
        var draft = Listings.KiwiDraft("修文猕猴桃");
        draft[field] = value;

        using var response = await coop.SendJson(HttpMethod.Post, "/api/cooperatives/coop-xwkiwi/listings", draft);

        await response.AssertValidationProblem(field);
    }
}

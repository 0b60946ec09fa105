using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Dividends;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Reviews;

/// <summary>
/// Reviews of delivered sub-orders: the buyer rates each cooperative's delivered part once, the cooperative answers once,
/// an operator hides one with a reason; the listing's and the cooperative's ratings follow, and anyone reads them without
/// learning who wrote them. Each refusal a problem that changes nothing. Fresh listings, so the ratings are this test's.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class ReviewsApiTests(SeededApp app)
{
    private const string Canteen = "buyer-gzcanteen";

    [Fact]
    public async Task ADeliveredPartIsRatedOnceAnsweredOnceAndHiddenWithAReason()
    {
        var canteen = await app.As("buyer.canteen");
        var panzhou = await app.ActiveListing("coop.panzhou", "coop-pzcili", Listings.Draft(title: "评价测试刺梨"));
        var xiuwen = await app.ActiveListing("coop.xiuwen", "coop-xwkiwi", Listings.KiwiDraft("评价测试猕猴桃"));
        var orderId = await canteen.PlaceInvoiceOrder( (panzhou, 10), (xiuwen, 2));
        var reviews = $"/api/orders/{orderId}/reviews";
        foreach (var (cooperative, admin) in new[] { ("coop-pzcili", "coop.panzhou"), ("coop-xwkiwi", "coop.xiuwen") })
            using (var shipped = await (await app.As(admin)).Post($"/api/orders/{orderId}/suborders/{cooperative}/ship")) await shipped.AssertOk();

        // Not yet delivered: nothing to rate.
        using (var early = await canteen.SendJson(HttpMethod.Post, reviews, Review("coop-pzcili", 5)))
            Assert.Equal("review.not-delivered", (await early.AssertProblem(HttpStatusCode.Conflict)).Code());
        using (var delivered = await canteen.Post($"/api/orders/{orderId}/suborders/coop-pzcili/deliver")) await delivered.AssertOk();

        // Marks outside 1–5, a comment too long: 400 naming the fields; another buyer or the seller: 403.
        var bad = Review("coop-pzcili", 5);
        bad["quality"] = 0;
        bad["delivery"] = 6;
        bad["comment"] = new string('好', 501);
        using (var invalid = await canteen.SendJson(HttpMethod.Post, reviews, bad)) await invalid.AssertValidationProblem("quality", "delivery", "comment");
        using (var stranger = await (await app.As("buyer.union")).SendJson(HttpMethod.Post, reviews, Review("coop-pzcili", 1)))
            await stranger.AssertProblem(HttpStatusCode.Forbidden);
        using (var seller = await (await app.As("coop.panzhou")).SendJson(HttpMethod.Post, reviews, Review("coop-pzcili", 5)))
            await seller.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(0, (int)(await app.Anonymous().GetObject($"/api/listings/{panzhou}/reviews"))["rating"]!["count"]!);

        using (var written = await canteen.SendJson(HttpMethod.Post, reviews, Review("coop-pzcili", 4, "果子新鲜，包装结实。")))
            Assert.Equal(4, (int)(await written.AssertOk(HttpStatusCode.Created))["scores"]!["quality"]!);
        using (var again = await canteen.SendJson(HttpMethod.Post, reviews, Review("coop-pzcili", 1)))
            Assert.Equal("review.exists", (await again.AssertProblem(HttpStatusCode.Conflict)).Code());
        using (var undelivered = await canteen.SendJson(HttpMethod.Post, reviews, Review("coop-xwkiwi", 5)))
            Assert.Equal("review.not-delivered", (await undelivered.AssertProblem(HttpStatusCode.Conflict)).Code());

        // The rating anyone reads: 4, 3, 5, 4 for this listing; never the buyer or the order.
        var rated = await app.Anonymous().GetObject($"/api/listings/{panzhou}/reviews");
        Assert.Equal(1, (int)rated["rating"]!["count"]!);
        Assert.Equal([40, 30, 50, 40], new[] { "qualityTenths", "freshnessTenths", "packagingTenths", "deliveryTenths" }.Select(k => (int)rated["rating"]![k]!));
        Assert.Equal(40, (int)rated["rating"]!["overallTenths"]!);
        Assert.DoesNotContain(orderId, rated.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Canteen, rated.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, (int)(await app.Anonymous().GetObject($"/api/listings/{xiuwen}/reviews"))["rating"]!["count"]!);

        // The cooperative answers once; another cooperative may not.
        using (var foreign = await (await app.As("coop.xiuwen")).SendJson(HttpMethod.Post, $"{reviews}/coop-pzcili/reply", new JsonObject { ["text"] = "谢谢" }))
            await foreign.AssertProblem(HttpStatusCode.Forbidden);
        var coop = await app.As("coop.panzhou");
        using (var answered = await coop.SendJson(HttpMethod.Post, $"{reviews}/coop-pzcili/reply", new JsonObject { ["text"] = "谢谢支持，欢迎再来。" }))
            Assert.Equal("谢谢支持，欢迎再来。", (string?)(await answered.AssertOk())["reply"]);
        using (var twice = await coop.SendJson(HttpMethod.Post, $"{reviews}/coop-pzcili/reply", new JsonObject { ["text"] = "再谢" }))
            Assert.Equal("review.replied", (await twice.AssertProblem(HttpStatusCode.Conflict)).Code());
        var listed = (await app.Anonymous().GetObject($"/api/listings/{panzhou}/reviews"))["reviews"]!["items"]!.AsArray();
        Assert.Equal("谢谢支持，欢迎再来。", (string?)Assert.Single(listed)!["reply"]);

        // The operator hides it with a reason; the seller cannot; it no longer counts, and the audit keeps why.
        var op = await app.As("operator");
        using (var bySeller = await coop.SendJson(HttpMethod.Post, $"{reviews}/coop-pzcili/hide", new JsonObject { ["text"] = "不喜欢" }))
            await bySeller.AssertProblem(HttpStatusCode.Forbidden);
        using (var noReason = await op.SendJson(HttpMethod.Post, $"{reviews}/coop-pzcili/hide", new JsonObject { ["text"] = " " }))
            await noReason.AssertValidationProblem("reason");
        using (var hidden = await op.SendJson(HttpMethod.Post, $"{reviews}/coop-pzcili/hide", new JsonObject { ["text"] = "含有买家电话号码" }))
            Assert.Equal("含有买家电话号码", (string?)(await hidden.AssertOk())["hiddenReason"]);
        var after = await app.Anonymous().GetObject($"/api/listings/{panzhou}/reviews");
        Assert.Equal(0, (int)after["rating"]!["count"]!);
        Assert.Empty(after["reviews"]!["items"]!.AsArray());
        var queue = (await op.GetObject("/api/reviews?limit=100"))["items"]!.AsArray();
        Assert.True((bool)queue.Single(r => (string?)r!["id"] == $"{orderId}:coop-pzcili")!["hidden"]!);
        var audit = await op.GetArray($"/api/audit?resourceType=review&resourceId={orderId}:coop-pzcili&limit=50");
        Assert.Equal(["review.write", "review.reply", "review.hide"], audit.Select(e => (string?)e!["action"]).Reverse());
        Assert.Contains("含有买家电话号码", (string?)audit.Single(e => (string?)e!["action"] == "review.hide")!["after"], StringComparison.Ordinal);

        // The order's reviews: its buyer sees them; a stranger buyer may not.
        Assert.Single(await canteen.GetArray(reviews));
        using (var other = await (await app.As("buyer.union")).Get(reviews)) await other.AssertProblem(HttpStatusCode.Forbidden);
        using (var queueByBuyer = await canteen.Get("/api/reviews")) await queueByBuyer.AssertProblem(HttpStatusCode.Forbidden);
    }

    private static JsonObject Review(string cooperativeId, int quality, string? comment = null) => new()
    {
        ["cooperativeId"] = cooperativeId, ["quality"] = quality, ["freshness"] = Math.Max(1, quality - 1), ["packaging"] = 5, ["delivery"] = quality,
        ["comment"] = comment,
    };
}

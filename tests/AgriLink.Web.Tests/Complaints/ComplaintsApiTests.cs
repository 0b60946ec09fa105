using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Dividends;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Complaints;

/// <summary>
/// Complaints about price or quality: a buyer files one against a cooperative; operators uphold or dismiss each once with a
/// reason; the third upheld within 12 months flags the cooperative for suspension (not suspended by itself). Each refusal a problem.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class ComplaintsApiTests(SeededApp app)
{
    private const string Canteen = "buyer-gzcanteen";
    private const string Cooperative = "coop-xwkiwi";

    [Fact]
    public async Task TheThirdUpheldComplaintFlagsTheCooperativeForSuspensionWithoutSuspendingIt()
    {
        var canteen = await app.As("buyer.canteen");
        var op = await app.As("operator");
        using (var stranger = await (await app.As("buyer.union")).SendJson(HttpMethod.Post, "/api/complaints", File(Cooperative)))
            await stranger.AssertProblem(HttpStatusCode.Forbidden);
        using (var unknown = await canteen.SendJson(HttpMethod.Post, "/api/complaints", File("coop-nosuchcoop")))
            await unknown.AssertProblem(HttpStatusCode.NotFound);
        var bad = File(Cooperative);
        bad["kind"] = null;
        bad["text"] = " ";
        using (var invalid = await canteen.SendJson(HttpMethod.Post, "/api/complaints", bad)) await invalid.AssertValidationProblem("kind", "text");
        var foreignOrder = File(Cooperative);
        foreignOrder["orderId"] = "ord-0000000000000000";
        using (var order = await canteen.SendJson(HttpMethod.Post, "/api/complaints", foreignOrder))
            Assert.Equal(HttpStatusCode.NotFound, order.StatusCode);
        using (var queueByBuyer = await canteen.Get("/api/complaints")) await queueByBuyer.AssertProblem(HttpStatusCode.Forbidden);

        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
            using (var filed = await canteen.SendJson(HttpMethod.Post, "/api/complaints", File(Cooperative, $"第 {i + 1} 次：猕猴桃软烂")))
                ids.Add((string)(await filed.AssertOk(HttpStatusCode.Created))["id"]!);
        var open = (await op.GetObject("/api/complaints?limit=200"))["items"]!.AsArray().Select(c => (string?)c!["id"]).ToList();
        Assert.All(ids, id => Assert.Contains(id, open));

        using (var byBuyer = await canteen.SendJson(HttpMethod.Post, $"/api/complaints/{ids[0]}/uphold", new JsonObject { ["reason"] = "x" }))
            await byBuyer.AssertProblem(HttpStatusCode.Forbidden);
        using (var noReason = await op.SendJson(HttpMethod.Post, $"/api/complaints/{ids[0]}/uphold", new JsonObject { ["reason"] = " " }))
            await noReason.AssertValidationProblem("reason");
        using (var missing = await op.SendJson(HttpMethod.Post, "/api/complaints/cmp-0000000000000000/uphold", new JsonObject { ["reason"] = "x" }))
            await missing.AssertProblem(HttpStatusCode.NotFound);

        using (var dismissed = await op.SendJson(HttpMethod.Post, $"/api/complaints/{ids[0]}/dismiss", new JsonObject { ["reason"] = "照片与订单不符" }))
            Assert.False((bool)(await dismissed.AssertOk())["suspensionProposed"]!);
        using (var twice = await op.SendJson(HttpMethod.Post, $"/api/complaints/{ids[0]}/uphold", new JsonObject { ["reason"] = "改判" }))
            Assert.Equal("complaint.decided", (await twice.AssertProblem(HttpStatusCode.Conflict)).Code());
        var flags = new List<bool>();
        foreach (var id in ids.Skip(1))
            using (var upheld = await op.SendJson(HttpMethod.Post, $"/api/complaints/{id}/uphold", new JsonObject { ["reason"] = "抽检不合格" }))
                flags.Add((bool)(await upheld.AssertOk())["suspensionProposed"]!);
        Assert.Equal([false, false, true], flags);

        // Flagged, not suspended: the operator decides through the admission flow.
        Assert.NotEqual("Suspended", (string?)(await op.GetObject($"/api/cooperatives/{Cooperative}/admission"))["status"]);
        var audit = await op.GetArray($"/api/audit?resourceType=complaint&resourceId={ids[1]}&limit=10");
        Assert.Equal(["complaint.file", "complaint.uphold"], audit.Select(e => (string?)e!["action"]).Reverse());
    }

    private static JsonObject File(string cooperativeId, string text = "猕猴桃到货软烂，与描述不符") =>
        new() { ["buyerId"] = Canteen, ["cooperativeId"] = cooperativeId, ["kind"] = "Quality", ["text"] = text };
}

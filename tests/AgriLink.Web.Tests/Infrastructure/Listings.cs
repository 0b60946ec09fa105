using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Domain.Codes;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>Listing bodies and steps the tests share.</summary>
public static class Listings
{
    /// <summary>A valid draft for a 舍烹村 (盘州市) cooperative.</summary>
    public static JsonObject Draft(string title = "测试刺梨", long priceFen = 650, decimal stock = 100) => new()
    {
        ["title"] = title,
        ["category"] = "Fruit",
        ["unit"] = "Jin",
        ["priceFen"] = priceFen,
        ["stock"] = stock,
        ["minOrder"] = 5,
        ["countyCode"] = "520281",
        ["village"] = "舍烹村",
        ["variety"] = "贵农5号",
        ["specification"] = "单果10克以上",
        ["shelfLifeDays"] = 20,
    };

    /// <summary>A valid draft for the demo's 修文 kiwi cooperative (coop-xwkiwi): boxes in 大木村.</summary>
    public static JsonObject KiwiDraft(string title, decimal stock = 50)
    {
        var draft = Draft(title: title, priceFen: 6900, stock: stock);
        draft["unit"] = "Box";
        draft["minOrder"] = 1;
        draft["countyCode"] = "520123";
        draft["village"] = "大木村";
        return draft;
    }

    /// <summary>Creates a draft listing for the cooperative and returns its id.</summary>
    public static async Task<string> CreateDraft(this HttpClient admin, string cooperativeId, JsonObject? draft = null)
    {
        using var response = await admin.SendJson(HttpMethod.Post, $"/api/cooperatives/{cooperativeId}/listings", draft ?? Draft());
        var created = await response.AssertOk(HttpStatusCode.Created);
        return (string)created["id"]!;
    }

    /// <summary>Registers a cooperative of the test's own (as the platform operator) in the county; it is not admitted yet.</summary>
    public static async Task<string> RegisterCooperative(this HttpClient operatorClient, string countyCode = "520281", string name = "盘州市普古乡测试入驻农民专业合作社")
    {
        var code = UnifiedSocialCreditCode.WithCheckCharacter(
            "93" + countyCode + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        var profile = new JsonObject
        {
            ["name"] = name, ["creditCode"] = code, ["countyCode"] = countyCode, ["village"] = "舍烹村",
            ["address"] = "贵州省六盘水市盘州市普古乡舍烹村", ["legalRepresentative"] = "王测试", ["phone"] = "13985812341", ["foundedOn"] = "2016-05-01",
        };
        using var created = await operatorClient.SendJson(HttpMethod.Post, "/api/cooperatives", profile);
        return (string)(await created.AssertOk(HttpStatusCode.Created))["id"]!;
    }

    /// <summary>
    /// Walks the cooperative through platform admission as the platform operator (apply, recommend, approve):
    /// only admitted cooperatives publish listings and take orders.
    /// </summary>
    public static async Task Admit(this HttpClient operatorClient, string cooperativeId)
    {
        foreach (var step in new[] { "apply", "recommend", "approve" })
        {
            using var response = await operatorClient.Post($"/api/cooperatives/{cooperativeId}/admission/{step}");
            await response.AssertOk();
        }
    }
}

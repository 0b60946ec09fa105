using System.Net;
using System.Text.Json.Nodes;

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

    /// <summary>Creates a draft listing for the cooperative and returns its id.</summary>
    public static async Task<string> CreateDraft(this HttpClient admin, string cooperativeId, JsonObject? draft = null)
    {
        using var response = await admin.SendJson(HttpMethod.Post, $"/api/cooperatives/{cooperativeId}/listings", draft ?? Draft());
        var created = await response.AssertOk(HttpStatusCode.Created);
        return (string)created["id"]!;
    }
}

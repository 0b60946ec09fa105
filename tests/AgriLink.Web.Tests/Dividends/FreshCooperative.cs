using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Domain.Codes;
using AgriLink.Web.Tests.Infrastructure;

namespace AgriLink.Web.Tests.Dividends;

/// <summary>
/// A cooperative of its own, built entirely over the API by the platform operator, so a test can change a
/// declaration's state without touching the demo that other tests in the shared app read.
/// </summary>
public static class FreshCooperative
{
    public static readonly string[] Members = ["ind-a", "ind-b", "ind-c"];

    /// <summary>Registers it, admits three individual farmers with cash shares and 2025 deliveries, and records a charter.</summary>
    public static async Task<string> CreateAsync(HttpClient operatorClient)
    {
        var code = UnifiedSocialCreditCode.WithCheckCharacter("93520281" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        var profile = new JsonObject
        {
            ["name"] = "盘州市普古乡测试分红农民专业合作社", ["creditCode"] = code, ["countyCode"] = "520281", ["village"] = "舍烹村",
            ["address"] = "贵州省六盘水市盘州市普古乡舍烹村", ["legalRepresentative"] = "王测试", ["phone"] = "13985812341", ["foundedOn"] = "2016-05-01",
        };
        string id;
        using (var created = await operatorClient.SendJson(HttpMethod.Post, "/api/cooperatives", profile))
            id = (string)(await created.AssertOk(HttpStatusCode.Created))["id"]!;

        var n = 0;
        foreach (var member in Members)
        {
            n++;
            using (var join = await operatorClient.SendJson(HttpMethod.Post, $"/api/cooperatives/{id}/members", new JsonObject
            {
                ["memberId"] = member, ["kind"] = "Individual", ["displayName"] = $"社员{n}", ["isFarmer"] = true, ["joinedOn"] = "2016-06-01",
            }))
                await join.AssertOk();
        }

        using (var charter = await operatorClient.SendJson(HttpMethod.Put, $"/api/cooperatives/{id}/charter", Charter()))
            await charter.AssertOk();

        n = 0;
        foreach (var member in Members)
        {
            n++;
            using (var issue = await operatorClient.SendJson(HttpMethod.Post, $"/api/cooperatives/{id}/shares", new JsonObject
            {
                ["holding"] = new JsonObject
                {
                    ["holdingId"] = $"h-{member}-cash", ["shareholderId"] = member, ["shareholderKind"] = "OtherMember", ["shareClass"] = "Cash",
                    ["shares"] = 1000 * n, ["valuationFen"] = 100_000 * n, ["issuedOn"] = "2016-06-01", ["certificateNo"] = $"测试股字第{n:D3}号",
                },
                ["reason"] = "现金入股",
            }))
                await issue.AssertOk();
            using (var trade = await operatorClient.SendJson(HttpMethod.Post, $"/api/cooperatives/{id}/trade/2025", new JsonObject
            {
                ["reference"] = $"fresh-2025-{member}", ["memberId"] = member, ["amountFen"] = 500_000 * n, ["date"] = "2025-09-20",
                ["source"] = "Manual", ["note"] = "鲜刺梨交售",
            }))
                await trade.AssertOk();
        }
        return id;
    }

    public static JsonObject Charter() => new()
    {
        ["reserveRateBp"] = 1000, ["welfareRateBp"] = 500, ["tradeReturnRateBp"] = 6000, ["shortfallPolicy"] = "CarryAsLiability",
        ["floors"] = new JsonArray(), ["preferredExitPolicy"] = "ConvertToOrdinary", ["preferredFloorBp"] = 0,
    };

    public static JsonObject Figures2025 => new() { ["surplusFen"] = 1_000_000, ["priorLossesFen"] = 0, ["profitPerMuFen"] = 0 };
}

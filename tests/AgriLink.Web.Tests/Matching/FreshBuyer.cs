using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using AgriLink.Domain.Codes;
using AgriLink.Web.Auth;
using AgriLink.Web.Tests.Infrastructure;

namespace AgriLink.Web.Tests.Matching;

/// <summary>A budget unit of the test's own in 广州市荔湾区, registered by the operator, with a signed-in account acting for it.</summary>
public static class FreshBuyer
{
    public static async Task<(string Id, HttpClient Client)> CreateAsync(SeededApp app)
    {
        var code = UnifiedSocialCreditCode.WithCheckCharacter("11440103" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        using var registered = await (await app.As("operator")).SendJson(HttpMethod.Post, "/api/buyers", new JsonObject
        {
            ["name"] = "广州市荔湾区测试单位机关食堂", ["type"] = "BudgetUnit", ["regionCode"] = "440103", ["contactName"] = "李测试",
            ["phone"] = "020-81234567", ["creditCode"] = code,
        });
        var id = (string)(await registered.AssertOk(HttpStatusCode.Created))["id"]!;

        var userName = $"buyer.test.{id}";
        await TestAccounts.CreateAsync(app, userName, "测试采购员", Roles.Buyer, new Claim(AgriLinkClaims.Buyer, id));
        var client = await TestAccounts.SignInAsync(app, userName);
        return (id, client);
    }
}

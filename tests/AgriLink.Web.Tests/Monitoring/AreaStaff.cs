using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using AgriLink.Web.Auth;
using AgriLink.Web.Tests.Infrastructure;

namespace AgriLink.Web.Tests.Monitoring;

/// <summary>
/// The people and households of the area tests: a fresh household in a village of 普古乡 (registered by the operator, so no
/// other test's case is in its way), and signed-in cadres or officers of an area of the test's choosing.
/// </summary>
public static class AreaStaff
{
    /// <summary>舍烹村 (the demo cadre's village), 娘娘山村 (the next village, same township), and a township next to 普古乡.</summary>
    public const string Shepeng = AgriLink.Web.Seeding.DemoData.ShepengVillage, Niangniangshan = "520281211202", OtherTownship = "520281212";

    public static async Task<string> Household(SeededApp app, string villageCode, string village = "舍烹村", string headName = "测试户主")
    {
        using var registered = await (await app.As("operator")).SendJson(HttpMethod.Post, "/api/households", new JsonObject
        {
            ["profile"] = new JsonObject
            {
                ["headName"] = headName, ["countyCode"] = "520281", ["township"] = "普古乡", ["village"] = village, ["people"] = 4,
                ["villageCode"] = villageCode,
            },
        });
        return (string)(await registered.AssertOk(HttpStatusCode.Created))["id"]!;
    }

    /// <summary>A new account of <paramref name="role"/> for <paramref name="area"/> (an agrilink:area claim), signed in with a bearer token.</summary>
    public static async Task<HttpClient> Account(SeededApp app, string role, string area) =>
        await TestAccounts.SignInAsync(app, await UserName(app, role, area));

    /// <summary>A new account of <paramref name="role"/> for <paramref name="area"/>, with the demo password; its user name.</summary>
    public static async Task<string> UserName(SeededApp app, string role, string area)
    {
        var userName = $"test.{role.ToLowerInvariant()}.{area}.{Guid.NewGuid():N}"[..48];
        await TestAccounts.CreateAsync(app, userName, "测试干部", role, new Claim(AgriLinkClaims.Area, area));
        return userName;
    }
}

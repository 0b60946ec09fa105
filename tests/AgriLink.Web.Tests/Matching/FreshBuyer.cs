using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using AgriLink.Domain.Codes;
using AgriLink.Web.Auth;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

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
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AgriLinkUser>>();
            var user = new AgriLinkUser { UserName = userName, DisplayName = "测试采购员" };
            Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Buyer)).Succeeded);
            Assert.True((await users.AddClaimsAsync(user, [new Claim(AgriLinkClaims.Buyer, id), new Claim(AgriLinkClaims.DisplayName, "测试采购员")])).Succeeded);
        }
        var client = app.Anonymous();
        client.WithBearer(await client.LoginAsync(userName, DemoData.Password));
        return (id, client);
    }
}

using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AgriLink.Browser.Tests.Infrastructure;
using AgriLink.Domain.Codes;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// A cooperative applies for platform admission from its own page, on a phone: it sees the county's decline with its
/// reason and applies again, and every step stays in its history.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class CooperativeAdmissionTests(BrowserApp app)
{
    [Fact]
    public async Task ACooperativeAppliesSeesTheDeclineWithItsReasonAndAppliesAgain()
    {
        var (operatorContext, _) = await app.SignedIn("operator", 1280);
        var (countyContext, _) = await app.SignedIn("county.panzhou", 1280);
        var (id, admin) = await FreshCooperative(operatorContext);

        var (context, page) = await app.SignedIn(admin, 360);
        await page.GotoAsync("/cooperative/admission");
        Assert.Equal("NotApplied", await page.Locator("#admission-status").GetAttributeAsync("data-status"));
        await page.FillAsync("#Note", "带动本村 42 户脱贫户，已取得食品经营许可证");
        await page.ClickAsync("#admission-apply button[type=submit]");
        await Assertions.Expect(page.Locator("#admission-status")).ToHaveAttributeAsync("data-status", "Applied");
        Assert.Contains("带动本村 42 户脱贫户", await page.InnerTextAsync("#admission-history li[data-action=Apply]"));
        Assert.Equal(0, await page.Locator("#admission-apply").CountAsync());

        var declined = await countyContext.APIRequest.PostAsync($"/api/cooperatives/{id}/admission/decline",
            new APIRequestContextOptions { DataObject = new { reason = "缺少带贫益贫协议，请补充后再申请" } });
        Assert.Equal(200, declined.Status);

        await page.ReloadAsync();
        Assert.Equal("Rejected", await page.Locator("#admission-status").GetAttributeAsync("data-status"));
        Assert.Contains("缺少带贫益贫协议", await page.InnerTextAsync("#admission-rejected"));
        await page.ClickAsync("#admission-apply button[type=submit]");
        await Assertions.Expect(page.Locator("#admission-status")).ToHaveAttributeAsync("data-status", "Applied");
        Assert.Equal(2, await page.Locator("#admission-history li[data-action=Apply]").CountAsync());
        Assert.True(await page.IsStyled());
        await page.Screenshot("cooperative-admission");

        // Another cooperative's admission is not this admin's to see.
        Assert.Equal(403, (await page.GotoAsync("/cooperative/admission?coop=coop-pzcili"))!.Status);
        await context.CloseAsync();
        await countyContext.CloseAsync();
        await operatorContext.CloseAsync();
    }

    /// <summary>A new cooperative in 盘州市 registered by the operator, and an admin account for it.</summary>
    private async Task<(string Id, string Admin)> FreshCooperative(IBrowserContext operatorContext)
    {
        var code = UnifiedSocialCreditCode.WithCheckCharacter(
            "93520281" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        var created = await operatorContext.APIRequest.PostAsync("/api/cooperatives", new APIRequestContextOptions
        {
            DataObject = new
            {
                name = "盘州市普古乡入驻申请农民专业合作社", creditCode = code, countyCode = "520281", village = "舍烹村",
                address = "贵州省六盘水市盘州市普古乡舍烹村", legalRepresentative = "王测试", phone = "13985812341", foundedOn = "2016-05-01",
            },
        });
        Assert.Equal(201, created.Status);
        var id = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetString()!;
        var userName = $"coop.test.{id}";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgriLinkUser>>();
        var user = new AgriLinkUser { UserName = userName, DisplayName = "王测试" };
        Assert.True((await users.CreateAsync(user, Web.Seeding.DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.CooperativeAdmin)).Succeeded);
        Assert.True((await users.AddClaimsAsync(user, [new Claim(AgriLinkClaims.Cooperative, id), new Claim(AgriLinkClaims.DisplayName, "王测试")])).Succeeded);
        return (id, userName);
    }
}

using AgriLink.Browser.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// Every page of each role at 360 px (a cheap phone) and 1280 px, on the product started by the README's run command (as
/// a newcomer meets it: Production, unpublished output): it renders with its stylesheet, fits the width, passes axe-core's
/// WCAG 2.1 AA checks, and is saved as a screenshot.
/// </summary>
[Collection(ReadmeProductCollection.Name)]
public sealed class PageTourTests(ReadmeProduct app)
{
    public static TheoryData<string?, string[]> Tours => new()
    {
        { null, ["/", "/market", "/market/listings/lst-cjchicken", "/account/login", "/board/coop-pzcili", "/board/village/520281/%E8%88%8D%E7%83%B9%E6%9D%91", "/board/funds/520281", "/board/coop-pzcili/funds/fund-pz-2017", "/shop/coop-pzcili", "/origin/522633", "/account/activate", "/account/forgot", "/account/reset"] },
        { "buyer.consumer", ["/buyer/cart", "/buyer/orders", "/buyer/demands", "/buyer/quota"] },
        { "buyer.canteen", ["/buyer/quota", "/buyer/orders", "/buyer/orders/ord-democanteen0001"] },
        { "buyer.union", ["/buyer/orders/ord-demounion0001"] },
        { "coop.xiuwen", ["/cooperative/orders", "/cooperative/orders/ord-democanteen0001", "/cooperative/orders/ord-democanteen0001/packing-slip"] },
        { "coop.meitan", ["/cooperative/orders", "/cooperative/listings", "/cooperative/profile", "/cooperative/offtake"] },
        { "farmer.pz01", ["/household", "/household/dividends", "/household/assemblies"] },
        { "operator", ["/operator", "/operator/certifications", "/operator/audit", "/operator/reviews", "/operator/aftersales", "/operator/complaints"] },
        { "coop.congjiang", ["/cooperative/listings/new", "/cooperative/members", "/cooperative/shares", "/cooperative/invoices", "/cooperative/charter"] },
        { "coop.panzhou", ["/cooperative/funds", "/cooperative/funds/fund-pz-2017/2025", "/cooperative/dividends/2025", "/cooperative/assemblies", "/cooperative/assemblies/asm-2025plan", "/cooperative/reviews", "/cooperative/aftersales", "/cooperative/listings/lst-pzcilifresh/edit", "/account", "/account/invite", "/account/password", "/account/two-factor"] },
        { "ent.qianfeng", ["/enterprise", "/enterprise/propose"] },
        { "county.panzhou", ["/", "/county", "/monitoring/cases", "/monitoring/cases/mc-demoshepeng2", "/monitoring/import", "/monitoring/dashboard"] },
        { "cadre.shepeng", ["/monitoring/visits", "/monitoring/visits/mv-demoshepeng1", "/monitoring/cases", "/monitoring/cases/mc-demoshepeng1"] },
        { "township.pugu", ["/monitoring/cases", "/monitoring/visits", "/monitoring/visits/mv-demoshepeng1", "/monitoring/dashboard"] },
        { "province.guizhou", ["/monitoring/dashboard", "/monitoring/dashboard?area=520281"] },
        { "prefecture.liupanshui", ["/monitoring/dashboard"] },
    };

    [Theory]
    [MemberData(nameof(Tours))]
    public async Task PagesRenderAtPhoneAndDesktopWidths(string? userName, string[] paths)
    {
        foreach (var width in new[] { 360, 1280 })
        {
            var (context, page) = userName is null ? await Anonymous(width) : await app.SignedIn(userName, width);
            var errors = page.CollectErrors();
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(200, response?.Status);
                Assert.True(await page.Locator("main h1").IsVisibleAsync(), $"{path} has a heading");
                Assert.True(await page.IsStyled(), $"{path} has its stylesheet");
                var codeNames = CodeNames.In(await page.InnerTextAsync("body"));
                Assert.True(codeNames.Count == 0, $"{path} (Chinese) shows code names: {string.Join(", ", codeNames)}");
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"{path} is {overflow} px wider than {width} px");
                await page.AssertAccessible(path);
                await page.Screenshot(((userName ?? "public") + path.Replace('/', '-')).TrimEnd('-'));
            }
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task EnglishIsOneClickAwayAndRemembered()
    {
        var (context, page) = await Anonymous(360);
        await page.GotoAsync("/market");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));

        await page.ClickAsync("form.lang button");
        await page.WaitForURLAsync("**/market");
        await page.GotoAsync("/");

        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Market", await page.InnerTextAsync("header nav"));
        await page.AssertAccessible("/ in English");
        await page.Screenshot("public-home-english");
        Assert.DoesNotContain("AgriLink AgriLink", await page.TitleAsync());

        // A page with no names or places on it has no Chinese at all in English.
        await page.GotoAsync("/account/login");
        var signIn = await page.InnerTextAsync("main");
        Assert.False(System.Text.RegularExpressions.Regex.IsMatch(signIn, @"\p{IsCJKUnifiedIdeographs}"), $"The English sign-in page shows Chinese: {signIn}");
        await context.CloseAsync();
    }

    private async Task<(Microsoft.Playwright.IBrowserContext, Microsoft.Playwright.IPage)> Anonymous(int width)
    {
        var context = await app.NewContext(width);
        return (context, await context.NewPageAsync());
    }
}

using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>A leading enterprise sees its offtake contracts with their deliveries and records one; others are refused.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class EnterpriseTests(BrowserApp app)
{
    private const string Contract = "off-demomttea0001";

    [Fact]
    public async Task TheEnterpriseSeesItsContractsAndRecordsADelivery()
    {
        var (context, page) = await app.SignedIn("ent.qianfeng", 360);
        await page.ClickAsync("header nav a[href='/enterprise']");
        await page.WaitForURLAsync("**/enterprise");

        var listed = await CooperativeAdminTests.Json(context, "/api/enterprises/ent-qianfeng/offtake-contracts?limit=200");
        Assert.Equal(listed.GetProperty("total").GetInt32(), await page.Locator("li.contract").CountAsync());
        var card = page.Locator($"li.contract[data-contract='{Contract}']");
        await Assertions.Expect(card).ToContainTextAsync("湄潭");
        var deliveries = await card.Locator("tr.delivery").CountAsync();
        Assert.True(deliveries >= 2, "the demo's two deliveries");
        await page.Screenshot("enterprise-contracts");

        await card.Locator("summary").ClickAsync();
        var reference = "茶青交售单-T" + Guid.NewGuid().ToString("N")[..6];
        await card.Locator("input[name=Reference]").FillAsync(reference);
        await card.Locator("input[name=Quantity]").FillAsync("12.5");
        await card.Locator("input[name=MarketPrice]").FillAsync("不知道");
        await card.Locator("button[type=submit]").ClickAsync();
        card = page.Locator($"li.contract[data-contract='{Contract}']");
        await Assertions.Expect(card.Locator("span[data-valmsg-for='MarketPrice']")).Not.ToBeEmptyAsync();
        Assert.Equal(deliveries, await card.Locator("tr.delivery").CountAsync());

        await card.Locator("input[name=MarketPrice]").FillAsync("40");
        await card.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/enterprise?**");
        card = page.Locator($"li.contract[data-contract='{Contract}']");
        await Assertions.Expect(card.Locator("tr.delivery")).ToHaveCountAsync(deliveries + 1);
        await Assertions.Expect(card.Locator("tr.delivery", new LocatorLocatorOptions { HasText = reference })).ToContainTextAsync("12.5");
        var view = await CooperativeAdminTests.Json(context, $"/api/offtake-contracts/{Contract}");
        Assert.Equal(deliveries + 1, view.GetProperty("settlement").GetProperty("deliveries").GetArrayLength());
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task TheDeliveriesTableFitsItsCard(int width)
    {
        var (context, page) = await app.SignedIn("ent.qianfeng", width);
        await page.GotoAsync("/enterprise");
        var wrap = page.Locator(".table-wrap:has(table.deliveries)").First;
        var overflow = await wrap.EvaluateAsync<int>("el => el.scrollWidth - el.clientWidth");
        Assert.True(overflow <= 0, $"the deliveries table is {overflow} px wider than its card at {width} px");
        Assert.True(await page.Locator("table.deliveries td[data-label]").First.IsVisibleAsync());
        await page.Screenshot("enterprise-deliveries");
        await context.CloseAsync();
    }

    [Fact]
    public async Task AnInvestorSeesItsShareAndTheDividendsOnIt()
    {
        var (context, page) = await app.SignedIn("ent.panshan", 360);
        await page.GotoAsync("/enterprise");

        var holdings = await CooperativeAdminTests.Json(context, "/api/enterprises/ent-panshan/holdings");
        var investments = page.Locator("#investments");
        Assert.Equal(holdings.GetArrayLength(), await investments.Locator("section").CountAsync());
        await Assertions.Expect(investments.Locator("li.holding")).ToHaveCountAsync(1);
        await Assertions.Expect(investments.Locator("li.holding")).ToContainTextAsync("500000");
        var dividends = await CooperativeAdminTests.Json(context, "/api/enterprises/ent-panshan/dividends");
        var rows = investments.Locator("tr.dividend");
        Assert.Equal(dividends.GetArrayLength(), await rows.CountAsync());
        for (var i = 0; i < dividends.GetArrayLength(); i++)
        {
            var d = dividends[i];
            var row = investments.Locator($"tr.dividend[data-cooperative='{d.GetProperty("cooperativeId").GetString()}'][data-year='{d.GetProperty("fiscalYear").GetInt32()}']");
            Assert.Equal(d.GetProperty("paidFen").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), await row.GetAttributeAsync("data-paid-fen"));
        }
        await page.Screenshot("enterprise-investments");
        await context.CloseAsync();
    }

    [Fact]
    public async Task OtherAccountsAreRefused()
    {
        var (context, page) = await app.SignedIn("coop.meitan", 360);
        Assert.Equal(403, (await page.GotoAsync("/enterprise?id=ent-qianfeng"))?.Status);
        Assert.Equal(0, await page.Locator("li.contract").CountAsync());
        await context.CloseAsync();
    }
}

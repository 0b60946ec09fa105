using System.Globalization;
using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

[Collection(BrowserAppCollection.Name)]
public sealed class MarketplaceTests(BrowserApp app)
{
    [Fact]
    public async Task BuyerOrdersFromTwoCooperativesByInvoiceWhileOthersWatchLive()
    {
        // A second browser watches the walnut listing; the 盘州 cooperative watches its incoming orders.
        var watcherContext = await app.NewContext();
        var watcher = await watcherContext.NewPageAsync();
        await watcher.GotoAsync("/market/listings/lst-pzwalnut");
        await watcher.WaitForLive();
        await watcher.MarkDocument();
        var stockBefore = decimal.Parse(await watcher.InnerTextAsync("#stock"), CultureInfo.InvariantCulture);
        var (coopContext, coop) = await app.SignedIn("coop.panzhou", 1280);
        await coop.GotoAsync("/cooperative/orders");
        await coop.WaitForLive();
        await coop.MarkDocument();
        var (buyerContext, buyer) = await app.SignedIn("buyer.canteen", 360);

        // The buyer fills a cart from two cooperatives and checks out by invoice.
        await buyer.AddToCart("lst-pzwalnut", "20");
        await buyer.AddToCart("lst-xwchili", "10");
        Assert.Equal(2, await buyer.Locator(".cart-cooperative").CountAsync());
        await buyer.Screenshot("buyer-cart-two-cooperatives");
        await buyer.FillAsync("#DeliveryAddress", "广州市荔湾区中山八路 1 号 机关食堂");
        await buyer.ClickAsync("#place-order");
        await buyer.WaitForURLAsync("**/buyer/orders/ord-*");
        var orderId = buyer.Url.Split('/')[^1];
        Assert.Equal(["coop-pzcili", "coop-xwkiwi"],
            (await buyer.Locator(".suborder").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.cooperative)")).Order(StringComparer.Ordinal));
        await buyer.Screenshot("buyer-order-placed");

        // The second browser sees the stock drop, and the cooperative sees the order arrive, neither reloading.
        var expected = (stockBefore - 20).ToString("0.###", CultureInfo.InvariantCulture);
        await watcher.WaitForFunctionAsync("s => document.querySelector('#stock').textContent.trim() === s", expected);
        Assert.True(await watcher.WasNotReloaded());
        var row = coop.Locator($"tr[data-order='{orderId}']");
        await row.WaitForAsync();
        Assert.True(await coop.WasNotReloaded());
        Assert.Equal("Placed", await row.Locator(".status").GetAttributeAsync("data-status"));
        await coop.Screenshot("cooperative-new-order");

        // The cooperative ships; the buyer's order page shows it without a reload.
        await buyer.WaitForLive();
        await buyer.MarkDocument();
        await row.Locator("a.ship").ClickAsync();
        await coop.SelectOptionAsync("#Carrier", "SfExpress");
        await coop.FillAsync("#TrackingNumber", "SF1402738852999");
        await coop.ClickAsync("#ship button[type=submit]");
        await coop.Locator("#part-status[data-status='Shipped']").WaitForAsync();
        await buyer.Locator(".suborder[data-cooperative='coop-pzcili'] .status[data-status='Shipped']").WaitForAsync();
        Assert.True(await buyer.WasNotReloaded());
        Assert.Equal("Placed", await buyer.Locator(".suborder[data-cooperative='coop-xwkiwi'] .status").GetAttributeAsync("data-status"));

        await Task.WhenAll(watcherContext.CloseAsync(), coopContext.CloseAsync(), buyerContext.CloseAsync());
    }

    [Fact]
    public async Task CheckoutProblemsShowBesideTheirFieldsAndPlaceNothing()
    {
        var (context, page) = await app.SignedIn("buyer.union", 360);
        await page.GotoAsync("/buyer/orders");
        var ordersBefore = await page.Locator(".order").CountAsync();
        await page.AddToCart("lst-cjeggs", "1");

        await page.FillAsync("#DeliveryRegionCode", "999999");
        await page.FillAsync("#DeliveryAddress", "   ");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#place-order"),
            r => r.Request.Method == "POST" && r.Url.Contains("/buyer/cart", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync();

        Assert.Equal(200, response.Status);
        Assert.Contains("行政区划代码", await page.InnerTextAsync("[data-valmsg-for=DeliveryRegionCode]"));
        Assert.Contains("必填", await page.InnerTextAsync("[data-valmsg-for=DeliveryAddress]"));
        Assert.Equal("true", await page.GetAttributeAsync("#DeliveryRegionCode", "aria-invalid"));
        await page.AssertAccessible("the refused checkout");
        Assert.Equal(1, await page.Locator(".cart-cooperative").CountAsync());
        await page.GotoAsync("/buyer/orders");
        Assert.Equal(ordersBefore, await page.Locator(".order").CountAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task MarketFacetsNarrowTheListings()
    {
        var context = await app.NewContext(1280);
        var page = await context.NewPageAsync();
        await BuyerDemandTests.MarketTotal(page);
        var all = await page.Locator(".listing").CountAsync();

        await page.ClickAsync("nav[aria-label='扶贫产品认定'] a");
        var certified = await page.Locator(".listing").CountAsync();
        await page.FillAsync("#q", "猕猴桃");
        await page.ClickAsync("form[role=search] button");

        Assert.True(all > certified && certified > 0, $"{all} listings, {certified} certified");
        Assert.Equal(["修文猕猴桃 鲜果散装"], await page.Locator(".listing h2").AllInnerTextsAsync());
        await context.CloseAsync();
    }
}

using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// Issue 17's fulfilment from two phones (360 px): the buyer checks out with a recipient, phone and a region picked with
/// the selects; the cooperative opens the order, sees what to pack and for whom, prints nothing but could, and ships with
/// a courier's tracking number; the buyer's open order page shows the tracking number without a reload.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class FulfilmentTests(BrowserApp app)
{
    [Fact]
    public async Task ACooperativeShipsWithATrackingNumberFromItsPhoneAndTheBuyerSeesIt()
    {
        var (buyerContext, buyer) = await app.SignedIn("buyer.consumer", 360);
        var (coopContext, coop) = await app.SignedIn("coop.meitan", 360);

        // The buyer's cart: one line from 湄潭, its quantity changed in the cart, then checkout to 贵阳市南明区.
        await buyer.AddToCart("lst-mtcuiya", "1");
        await buyer.FillAsync(".cart-line input[name=quantity]", "2");
        await buyer.ClickAsync(".cart-line form.quantity button");
        await buyer.Locator(".cart-subtotal[data-fen='39600']").WaitForAsync();   // 2 × ¥198.00
        Assert.Equal("520100", await buyer.InputValueAsync("#Prefecture"));
        await buyer.SelectOptionAsync("#Prefecture", "520200");
        await buyer.ClickAsync("#region-choose");
        await buyer.Locator("#County option[value='520281']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await buyer.SelectOptionAsync("#County", "520281");
        await buyer.FillAsync("#RecipientName", "张伟");
        await buyer.FillAsync("#RecipientPhone", "13765001234");
        await buyer.FillAsync("#DeliveryAddress", "红果街道胜境大道 8 号");
        await buyer.FillAsync("#Note", "工作日白天送");
        await buyer.AssertAccessible("the checkout with the region picker");
        await buyer.Screenshot("fulfilment-checkout");
        await buyer.ClickAsync("#place-order");
        await buyer.WaitForURLAsync("**/buyer/orders/ord-*");
        var orderId = buyer.Url.Split('/')[^1];
        Assert.Contains("贵州省六盘水市盘州市", await buyer.InnerTextAsync("#delivery-address"));

        // The cooperative, on its phone: the order's lines, recipient and phone, the packing slip, and the ship form.
        await coop.GotoAsync($"/cooperative/orders/{orderId}");
        Assert.Equal("13765001234", (await coop.InnerTextAsync("#recipient-phone")).Trim());
        Assert.Equal("工作日白天送", (await coop.InnerTextAsync("#buyer-note")).Trim());
        Assert.Equal(1, await coop.Locator(".order-line").CountAsync());
        Assert.True(await coop.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0);
        Assert.True(await coop.Locator("#ship button[type=submit]").IsVisibleAsync());
        var button = await coop.Locator("#ship button[type=submit]").BoundingBoxAsync();
        Assert.True(button is { } box && box.X >= 0 && box.X + box.Width <= 360, "the ship button lies within the phone's width");
        await coop.AssertAccessible("the cooperative's order page");
        await coop.Screenshot("fulfilment-cooperative-order");
        await coop.ClickAsync("#packing-slip");
        Assert.Contains("张伟", await coop.InnerTextAsync(".packing-slip"));
        await coop.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await coop.Locator("header").IsVisibleAsync());
        await coop.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await coop.GoBackAsync();

        // The buyer watches the order page; the cooperative ships with a courier and tracking number.
        await buyer.WaitForLive();
        await buyer.MarkDocument();
        await coop.SelectOptionAsync("#Carrier", "Yunda");
        await coop.FillAsync("#TrackingNumber", "4312 8877 6655 01");
        await coop.ClickAsync("#ship button[type=submit]");
        await coop.Locator("#part-status[data-status='Shipped']").WaitForAsync();
        Assert.Equal("43128877665501", (await coop.InnerTextAsync(".tracking-number")).Trim());

        await buyer.Locator(".suborder .tracking-number").WaitForAsync();
        Assert.True(await buyer.WasNotReloaded());
        Assert.Equal("43128877665501", (await buyer.InnerTextAsync(".suborder .tracking-number")).Trim());
        Assert.Contains("韵达快递", await buyer.InnerTextAsync(".suborder .shipment"));
        await buyer.Screenshot("fulfilment-buyer-tracking");

        await Task.WhenAll(buyerContext.CloseAsync(), coopContext.CloseAsync());
    }
}

using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// Issue 17's after-sales from two phones (360 px): the buyer checks out by pressing Enter in the address (the order is
/// placed, not the region picker's "choose"), the cooperative ships, the buyer confirms delivery and asks for part of the
/// money back, the cooperative accepts from its queue, and the buyer's order page shows the refund with its credit note.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class AfterSalesTests(BrowserApp app)
{
    [Fact]
    public async Task TheBuyerAsksForARefundAndTheCooperativeAcceptsFromItsPhone()
    {
        var (buyerContext, buyer) = await app.SignedIn("buyer.consumer", 360);
        var (coopContext, coop) = await app.SignedIn("coop.meitan", 360);

        await buyer.AddToCart("lst-mtcuiya", "1");
        await buyer.SelectOptionAsync("#Prefecture", "520300");
        await buyer.ClickAsync("#region-choose");
        await buyer.Locator("#County option[value='520328']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await buyer.SelectOptionAsync("#County", "520328");
        await buyer.FillAsync("#RecipientName", "王芳");
        await buyer.FillAsync("#RecipientPhone", "13765004321");
        await buyer.FillAsync("#DeliveryAddress", "湄江街道茶城大道 6 号");
        await buyer.PressAsync("#DeliveryAddress", "Enter");
        await buyer.WaitForURLAsync("**/buyer/orders/ord-*");
        var orderId = buyer.Url.Split('/')[^1].Split('#')[0];

        // Shipped by the cooperative, confirmed by the buyer.
        await coop.GotoAsync($"/cooperative/orders/{orderId}");
        await coop.SelectOptionAsync("#Carrier", "SfExpress");
        await coop.FillAsync("#TrackingNumber", "SF1234567890123");
        await coop.ClickAsync("#ship button[type=submit]");
        await coop.Locator("#part-status[data-status='Shipped']").WaitForAsync();
        await buyer.GotoAsync($"/buyer/orders/{orderId}");
        await buyer.ClickAsync(".suborder form[action*='handler=Delivered'] button");
        await buyer.Locator(".suborder .status[data-status='Completed'], .suborder .status[data-status='Delivered']").WaitForAsync();

        // The buyer asks for ¥50.00 back.
        await buyer.ClickAsync("details.aftersales summary");
        await buyer.FillAsync("details.aftersales input[name=amount]", "50");
        await buyer.FillAsync("details.aftersales textarea[name=reason]", "两盒茶叶受潮结块");
        await buyer.AssertAccessible("the after-sales request form");
        await buyer.ClickAsync("details.aftersales button[type=submit]");
        await buyer.Locator(".aftersales [data-aftersales-status='Requested']").WaitForAsync();

        // The cooperative accepts from its queue, on its phone.
        await coop.GotoAsync("/cooperative/aftersales");
        var card = coop.Locator($"[data-aftersales='{orderId}:coop-mttea']");
        await card.WaitForAsync();
        Assert.True(await coop.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0);
        await coop.AssertAccessible("the cooperative's after-sales queue");
        await coop.Screenshot("aftersales-cooperative-queue");
        await card.Locator("form:has(input[value=Accept]) button").ClickAsync();
        await coop.Locator($"[data-aftersales='{orderId}:coop-mttea'] [data-aftersales-status='Refunded']").WaitForAsync();

        await buyer.GotoAsync($"/buyer/orders/{orderId}");
        await buyer.Locator(".aftersales [data-aftersales-status='Refunded']").WaitForAsync();
        Assert.Contains("-CN-", await buyer.InnerTextAsync(".aftersales"));
        await buyer.Screenshot("aftersales-buyer-refunded");

        await Task.WhenAll(buyerContext.CloseAsync(), coopContext.CloseAsync());
    }
}

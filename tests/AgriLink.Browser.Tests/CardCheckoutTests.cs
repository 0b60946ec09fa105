using AgriLink.Browser.Tests.Infrastructure;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Orders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>Card payment with Stripe configured: the buyer pays on Stripe Checkout's hosted page (the fake's) and comes back paid.</summary>
[Collection(StripeBrowserAppCollection.Name)]
public sealed class CardCheckoutTests(StripeBrowserApp app)
{
    [Fact]
    public async Task CanteenPlacesACardOrderPaysOnTheHostedPageAndComesBackToItPaid()
    {
        var (context, buyer) = await app.SignedIn("buyer.canteen", 360);
        await buyer.AddToCart("lst-pzcilifresh", "60");
        Assert.True(await buyer.IsVisibleAsync("#checkout input[name=paymentMethod][value=Card]"), "card is offered when Stripe is configured");
        await buyer.FillAsync("#DeliveryAddress", "广州市荔湾区中山七路 1 号 机关食堂");
        await buyer.CheckAsync("#checkout input[name=paymentMethod][value=Card]");
        await buyer.ClickAsync("#place-order");
        await buyer.WaitForURLAsync("**/buyer/orders/ord-*");
        var orderId = buyer.Url.Split('/')[^1];
        Assert.Equal("AwaitingPayment", await buyer.GetAttributeAsync("#order-status", "data-status"));
        await buyer.Screenshot("buyer-card-order-awaiting-payment");
        await buyer.AssertAccessible("buyer-card-order-awaiting-payment");

        // "Pay by card" is a plain form: the server redirects it to Stripe's hosted page.
        await buyer.ClickAsync("#pay-by-card button[type=submit]");
        await buyer.WaitForURLAsync($"{app.Stripe.Url}/checkout/cs_test_*");
        var order = await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrderGrain>(orderId).Get();
        Assert.Equal($"cny {order.TotalFen / 100m:0.00}", await buyer.InnerTextAsync("#amount"));
        await buyer.ClickAsync("#fake-pay");

        await buyer.WaitForURLAsync($"**/buyer/orders/{orderId}?session_id=cs_test_*");
        Assert.Equal("Paid", await buyer.GetAttributeAsync("#order-status", "data-status"));
        Assert.Contains("付款成功", await buyer.InnerTextAsync("#checkout-notice"));
        Assert.False(await buyer.IsVisibleAsync("#pay-by-card"));
        Assert.Equal(OrderStatus.Paid, (await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrderGrain>(orderId).Get()).Status);
        await buyer.Screenshot("buyer-card-order-paid");
        await buyer.AssertAccessible("buyer-card-order-paid");
        await buyer.SetViewportSizeAsync(1280, 900);
        await buyer.Screenshot("buyer-card-order-paid");
        await buyer.AssertAccessible("buyer-card-order-paid");
        await context.CloseAsync();
    }
}

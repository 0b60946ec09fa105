using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// An invoice order paid by bank transfer, all in the browser: the union (buyer-gzunion, which pays by invoice) orders
/// 修文's red-fleshed kiwi (lst-xwkiwired) through the cart, 修文 ships it, the union confirms delivery, 修文 issues the
/// month's invoice, a wrong amount is refused, the right one recorded, and both sides see it paid. No other browser test
/// orders from 修文 for the union or reads that listing.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class InvoicePaymentTests(BrowserApp app)
{
    private const string Listing = "lst-xwkiwired";
    private const string Cooperative = "coop-xwkiwi";

    [Fact]
    public async Task AnInvoiceOrderIsShippedDeliveredInvoicedAndItsTransferRecorded()
    {
        var (buyerContext, buyer) = await app.SignedIn("buyer.union", 360);
        await buyer.AddToCart(Listing, "30");
        await buyer.FillAsync("#DeliveryAddress", "广州市荔湾区总工会 职工之家");
        await buyer.ClickAsync("#place-order");
        await buyer.WaitForURLAsync("**/buyer/orders/ord-*");
        var orderId = buyer.Url.Split('/')[^1];
        var suborder = buyer.Locator($".suborder[data-cooperative='{Cooperative}']");
        await Assertions.Expect(suborder.Locator(".status")).ToHaveAttributeAsync("data-status", "Placed");
        var amountFen = (await CooperativeAdminTests.Json(buyerContext, $"/api/orders/{orderId}")).GetProperty("totalFen").GetInt64();

        // 修文 ships; the union confirms delivery.
        var (coopContext, coop) = await app.SignedIn("coop.xiuwen", 1280);
        await coop.GotoAsync("/cooperative/orders");
        await coop.Locator($"tr[data-order='{orderId}'] a.ship").ClickAsync();
        await coop.SelectOptionAsync("#Carrier", "ChinaPostEms");
        await coop.FillAsync("#TrackingNumber", "EMS1130000000001");
        await coop.ClickAsync("#ship button[type=submit]");
        await Assertions.Expect(coop.Locator("#part-status")).ToHaveAttributeAsync("data-status", "Shipped");
        await buyer.GotoAsync($"/buyer/orders/{orderId}");
        await suborder.Locator("form[action*='handler=Delivered'] button").ClickAsync();
        await Assertions.Expect(suborder.Locator(".status")).ToHaveAttributeAsync("data-status", "Delivered");

        // The month's invoice for the union: this order, for its amount.
        await coop.GotoAsync("/cooperative/invoices");
        var before = await coop.Locator("tr.invoice").CountAsync();
        // The union is offered (delivered, not yet invoiced): one click, no id typed.
        var union = coop.Locator(".to-invoice[data-buyer='buyer-gzunion']");
        await Assertions.Expect(union).ToContainTextAsync("广州市荔湾区总工会");
        await union.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(coop.Locator("tr.invoice")).ToHaveCountAsync(before + 1);
        var invoices = await CooperativeAdminTests.Json(coopContext, $"/api/cooperatives/{Cooperative}/invoices?limit=200");
        var invoice = invoices.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("buyerId").GetString() == "buyer-gzunion");
        var number = invoice.GetProperty("number").GetString()!;
        Assert.Equal("Issued", invoice.GetProperty("status").GetString());
        Assert.Equal(amountFen, invoice.GetProperty("totalFen").GetInt64());
        var row = coop.Locator($"tr.invoice[data-invoice='{number}']");
        await Assertions.Expect(row).ToContainTextAsync(Money(amountFen));
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("已开票");

        // A transfer that does not settle the invoice is refused and changes nothing.
        await row.Locator("summary").ClickAsync();
        await coop.Locator($"[id='ref-{number}']").FillAsync("中国农业银行修文支行 20261130-001");
        await coop.Locator($"[id='amount-{number}']").FillAsync("1.00");
        await coop.Screenshot("cooperative-invoice-record-payment");
        await row.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(coop.Locator(".validation-summary-errors")).Not.ToBeEmptyAsync();
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("已开票");

        // The invoice total, as the form offers it, settles it.
        await row.Locator("summary").ClickAsync();
        Assert.Equal(Web.Pages.Shared.FormValues.Yuan(amountFen), await coop.Locator($"[id='amount-{number}']").InputValueAsync());
        await coop.Locator($"[id='ref-{number}']").FillAsync("中国农业银行修文支行 20261130-002");
        await row.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("已到账");
        Assert.Equal(0, await row.Locator("form").CountAsync());
        // The bookkeeper sees which transfer settled it.
        await Assertions.Expect(row.Locator(".payment")).ToContainTextAsync("中国农业银行修文支行 20261130-002");
        await coop.Screenshot("cooperative-invoice-paid");
        await coop.AssertAccessible("cooperative-invoice-paid");
        var paid = (await CooperativeAdminTests.Json(coopContext, $"/api/cooperatives/{Cooperative}/invoices?limit=200"))
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetString() == number);
        Assert.Equal("Paid", paid.GetProperty("status").GetString());

        // The buyer's order: paid, completed, on that invoice.
        await buyer.GotoAsync($"/buyer/orders/{orderId}");
        await Assertions.Expect(suborder.Locator(".status")).ToHaveAttributeAsync("data-status", "Completed");
        await Assertions.Expect(suborder).ToContainTextAsync(number);
        await Assertions.Expect(buyer.Locator("#order ol.steps")).ToContainTextAsync("已付款");
        await buyer.Screenshot("buyer-order-invoice-paid");
        await buyer.AssertAccessible("buyer-order-invoice-paid");
        await Task.WhenAll(coopContext.CloseAsync(), buyerContext.CloseAsync());
    }

    private static string Money(long fen) => Web.Localization.Labels.Money(fen);
}

using System.Net;
using System.Text.RegularExpressions;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Orders;

/// <summary>
/// The cart and checkout over plain HTTP, as a browser without script uses them: quantities changed within the listing's
/// minimum and stock, per-cooperative sub-totals, the region picked with selects, and the recipient and phone required.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed partial class CheckoutPagesTests(SeededApp app)
{
    private async Task<string> ActiveListing(long priceFen = 650, decimal stock = 100)
    {
        var client = await app.As("coop.panzhou");
        var id = await client.CreateDraft("coop-pzcili", Listings.Draft(priceFen: priceFen, stock: stock));
        using var published = await client.Post($"/api/listings/{id}/publish");
        await published.AssertOk();
        return id;
    }

    private static FormUrlEncodedContent Form(string html, params (string Name, string Value)[] fields) =>
        new(new Dictionary<string, string>(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)))
        {
            ["__RequestVerificationToken"] = PageForms.Token(html),
        });

    private static async Task<string> Text(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    [Fact]
    public async Task AQuantityChangesOnlyWithinTheMinimumOrderAndTheStock()
    {
        // 6.50 yuan a jin, minimum 5, 20 in stock.
        var listing = await ActiveListing(650, 20);
        var buyer = await app.Factory.SignedIn("buyer.consumer");
        var cart = await buyer.GetText("/buyer/cart");
        using (var added = await buyer.Post("/buyer/cart?handler=Add", Form(cart, ("listingId", listing), ("quantity", "5"))))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        cart = await buyer.GetText("/buyer/cart");

        using (var below = await buyer.Post("/buyer/cart?handler=Quantity", Form(cart, ("listingId", listing), ("quantity", "3"))))
            Assert.Contains("起订量为 5 斤，数量未修改", await Text(below));
        using (var beyond = await buyer.Post("/buyer/cart?handler=Quantity", Form(cart, ("listingId", listing), ("quantity", "21"))))
            Assert.Contains("库存仅剩 20 斤，数量未修改", await Text(beyond));
        Assert.Contains("¥32.50", await buyer.GetText("/buyer/cart"));

        using (var changed = await buyer.Post("/buyer/cart?handler=Quantity", Form(cart, ("listingId", listing), ("quantity", "12.5"))))
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = WebUtility.HtmlDecode(await buyer.GetText("/buyer/cart"));
        // 12.5 × ¥6.50 = ¥81.25, the line and its cooperative's sub-total.
        var section = CooperativeSection().Match(after).Value;
        Assert.Contains("¥81.25", section);
        Assert.Matches(@"data-fen=""8125""", section);
    }

    [Fact]
    public async Task CheckoutPicksTheRegionWithSelectsAndRequiresTheRecipientAndPhone()
    {
        var listing = await ActiveListing();
        var buyer = await app.Factory.SignedIn("buyer.consumer");
        var cart = await buyer.GetText("/buyer/cart");
        using (var added = await buyer.Post("/buyer/cart?handler=Add", Form(cart, ("listingId", listing), ("quantity", "6"))))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        cart = await buyer.GetText("/buyer/cart");
        // 张伟's profile is in 南明区, Guizhou: the picker starts there, with his name and phone filled in.
        Assert.Matches(@"<option value=""520100"" selected=""selected"">贵阳市</option>", cart);
        Assert.Matches(@"<option value=""520102"" selected=""selected"">南明区</option>", cart);

        // Choosing another prefecture shows its counties and places nothing.
        using var chosen = await buyer.Post("/buyer/cart?handler=Region", Form(cart, ("Province", "520000"), ("Prefecture", "520200"), ("County", "520102"),
            ("DeliveryAddress", "盘州市红果街道 8 号"), ("RecipientName", "张伟")));
        var region = await Text(chosen);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Contains(">盘州市</option>", region);
        Assert.DoesNotContain(">南明区</option>", region);
        Assert.Contains("盘州市红果街道 8 号", region);

        using var refused = await buyer.Post("/buyer/cart?handler=Checkout", Form(region, ("Province", "520000"), ("Prefecture", "520200"),
            ("County", "520281"), ("DeliveryAddress", "盘州市红果街道 8 号"), ("RecipientName", "张伟"), ("RecipientPhone", ""),
            ("PaymentMethod", "Invoice"), ("IdempotencyKey", Guid.NewGuid().ToString("N"))));
        var problems = await Text(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches(@"data-valmsg-for=""RecipientPhone""[^>]*>收货人电话: 必填。<", problems);

        using var placed = await buyer.Post("/buyer/cart?handler=Checkout", Form(problems, ("Province", "520000"), ("Prefecture", "520200"),
            ("County", "520281"), ("DeliveryAddress", "盘州市红果街道 8 号"), ("RecipientName", "张伟"), ("RecipientPhone", "0858-1234567"),
            ("RequestedDeliveryDate", DateTime.UtcNow.AddHours(8).AddDays(2).ToString("yyyy-MM-dd")), ("Note", "放门卫"),
            ("PaymentMethod", "Invoice"), ("IdempotencyKey", Guid.NewGuid().ToString("N"))));
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        var orderId = placed.Headers.Location!.OriginalString.Split('/')[^1];
        var order = await (await app.As("buyer.consumer")).GetObject($"/api/orders/{orderId}");
        Assert.Equal("520281", (string)order["deliveryRegionCode"]!);
        Assert.Equal("0858-1234567", (string)order["recipientPhone"]!);
        Assert.Equal("放门卫", (string)order["note"]!);
        Assert.Contains("贵州省六盘水市盘州市", WebUtility.HtmlDecode(await buyer.GetText($"/buyer/orders/{orderId}")));
    }

    [GeneratedRegex(@"<section class=""card cart-cooperative"" data-cooperative=""coop-pzcili"">.*?</section>", RegexOptions.Singleline)]
    private static partial Regex CooperativeSection();
}

using System.Net;
using System.Text.RegularExpressions;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// A form value that does not bind (words for a number, as an old phone or a hand-made request can send) is refused in
/// the page's language and changes nothing: it must never reach the API as the type's default (a stock of 0).
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed partial class UnboundFormValueTests(SeededApp app)
{
    [GeneratedRegex("""name="listingId" value="(?<id>[^"]+)" />""")]
    private static partial Regex ListingField();

    [Fact]
    public async Task AStockThatIsNotANumberIsRefusedAndTheStockStays()
    {
        var client = await app.Factory.SignedIn("coop.panzhou");
        var before = await client.GetText("/cooperative/listings");
        var listing = ListingField().Match(before).Groups["id"].Value;
        Assert.NotEmpty(listing);

        using var response = await client.Post("/cooperative/listings?handler=Stock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageForms.Token(before), ["listingId"] = listing, ["stock"] = "一千",
        }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("“一千”不是有效的值。", html);
        Assert.Equal(Stock(before, listing), Stock(await client.GetText("/cooperative/listings"), listing));
    }

    [Fact]
    public async Task APaymentMethodTheFormDoesNotOfferPlacesNoOrder()
    {
        var client = await app.Factory.SignedIn("buyer.union");
        // An active listing ordered at its minimum, so nothing but the payment method is wrong.
        var ids = (await client.GetObject("/api/listings?cooperativeId=coop-pzcili&limit=200"))["items"]!.AsArray().Select(i => (string)i!["id"]!);
        var details = await Task.WhenAll(ids.Select(id => client.GetObject($"/api/listings/{id}")));
        var item = details.First(i => (string?)i["status"] == "Active" && (decimal)i["draft"]!["stock"]! >= 10 * (decimal)i["draft"]!["minOrder"]!);
        var listing = (string)item["id"]!;
        var cart = await client.GetText("/buyer/cart");
        using (var added = await client.Post("/buyer/cart?handler=Add", Form(cart, ("listingId", listing), ("quantity", ((decimal)item["draft"]!["minOrder"]!).ToString(System.Globalization.CultureInfo.InvariantCulture)))))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var ordersBefore = Orders(await client.GetText("/buyer/orders"));
        cart = await client.GetText("/buyer/cart");
        Assert.Contains($"value=\"{listing}\"", cart);

        using var response = await client.Post("/buyer/cart?handler=Checkout", Form(cart,
            ("paymentMethod", "Bitcoin"), ("deliveryRegionCode", "520102"), ("deliveryAddress", "贵阳市南明区"), ("idempotencyKey", Guid.NewGuid().ToString("N"))));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("“Bitcoin”不是有效的值。", html);
        var summary = Regex.Match(html, """<div role="alert" class="validation-summary-errors"[^>]*>(?<s>.*?)</div>""", RegexOptions.Singleline).Groups["s"].Value;
        Assert.Single(Regex.Matches(summary, "<li>"));   // that one problem only
        Assert.Equal(ordersBefore, Orders(await client.GetText("/buyer/orders")));
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", PageForms.Token(page))));

    private static string[] Orders(string html) =>
        Regex.Matches(html, """href="/buyer/orders/(?<id>[^"]+)""").Select(m => m.Groups["id"].Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    private static string Stock(string html, string listing)
    {
        var card = html[html.IndexOf($"data-live=\"listing:{listing}\"", StringComparison.Ordinal)..];
        return Regex.Match(card, """data-field="stock">(?<s>[^<]*)<""").Groups["s"].Value;
    }
}

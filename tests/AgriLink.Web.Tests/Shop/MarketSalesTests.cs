using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgriLink.Domain.Codes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Shop;

/// <summary>
/// The market's 深度贫困县 filter and badge, the quantity sold on each card and the sort by sales, through the search API and
/// the /market page on the seeded demo (its 从江 cooperative is in a deep-poverty county).
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed partial class MarketSalesTests(SeededApp app)
{
    [Fact]
    public async Task TheDeepPovertyFilterKeepsOnlyListingsOfDeepPovertyCounties()
    {
        var anonymous = app.Anonymous();
        var all = await anonymous.Until("/api/search/listings?pageSize=100", r => Items(r).Count > 0);
        var deep = await anonymous.Until("/api/search/listings?deepPoverty=true&pageSize=100", r => Items(r).Count > 0);

        Assert.All(Items(deep), i => Assert.True(Regions.TryGetCounty((string)i["countyCode"]!, out var c) && c.DeepPoverty));
        Assert.Contains(Items(all), i => !(Regions.TryGetCounty((string)i["countyCode"]!, out var c) && c.DeepPoverty));
        Assert.Contains(Items(deep), i => (string)i["countyCode"]! == "522633");

        var page = await anonymous.GetText("/market?deepPoverty=true");
        var cards = Cards().Matches(page).Select(m => m.Value).ToList();
        Assert.NotEmpty(cards);
        Assert.All(cards, card => Assert.Contains("深度贫困县", card));
        using var bad = await anonymous.Get("/api/search/listings?deepPoverty=maybe");
        await bad.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheMostSoldListingComesFirstAndItsCardShowsWhatWasSold()
    {
        var coop = await app.As("coop.panzhou");
        var buyer = await app.As("buyer.canteen");
        var tag = "xq" + new string(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
        var older = await Published(coop, $"销量甲 {tag}");
        var newer = await Published(coop, $"销量乙 {tag}");

        await Postgres.PostgresApps.PlaceOrder(buyer, older, quantity: 12);

        var anonymous = app.Anonymous();
        await anonymous.Until($"/api/search/listings?q={tag}&sort=sales", r => Ids(r).SequenceEqual([older, newer]));
        Assert.Equal([newer, older], Ids(await anonymous.GetObject($"/api/search/listings?q={tag}&sort=freshness")));

        var page = await anonymous.GetText($"/market?q={tag}&sort=Sales");
        var cards = Cards().Matches(page).Select(m => m.Value).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Contains($"data-listing=\"{older}\"", cards[0]);
        Assert.Contains("data-sold=\"12\"", cards[0]);
        Assert.Contains("data-sold=\"0\"", cards[1]);
        Assert.Contains("aria-current=\"true\" data-sort=\"Sales\"", page);
    }

    private static async Task<string> Published(HttpClient coop, string title)
    {
        var id = await coop.CreateDraft("coop-pzcili", Listings.Draft(title: title, stock: 100));
        using var published = await coop.Post($"/api/listings/{id}/publish");
        await published.AssertOk();
        return id;
    }

    private static List<JsonObject> Items(JsonObject result) => result["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

    private static List<string> Ids(JsonObject result) => Items(result).Select(i => (string)i["listingId"]!).ToList();

    [GeneratedRegex("""<li class="card listing".*?</li>""", RegexOptions.Singleline)]
    private static partial Regex Cards();
}

using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// The listing form asks for places and producers from lists, not typed codes or ids: the origin county from Guizhou's
/// counties under their prefectures, the producing households ticked from the cooperative's members, the delivery areas
/// chosen from provinces and Guizhou's prefectures. coop.congjiang (coop-cjxiang, 从江县 522633) writes listings of its own.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class ListingFormPagesTests(SeededApp app)
{
    private static FormUrlEncodedContent Form(string html, string title, params (string Name, string Value)[] more) =>
        new([
            new("__RequestVerificationToken", PageForms.Token(html)), new("Title", title), new("Category", "Grain"), new("Unit", "Jin"),
            new("Price", "8.50"), new("Stock", "100"), new("MinOrder", "1"), new("CountyCode", "522633"), new("Village", "占里村"),
            .. more.Select(m => KeyValuePair.Create(m.Name, m.Value)),
        ]);

    private async Task<string> ListingTitled(string title)
    {
        var coop = await app.As("coop.congjiang");
        string? after = null;
        do
        {
            var page = await coop.GetObject("/api/listings?cooperativeId=coop-cjxiang&status=Draft&limit=200" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)));
            if (page["items"]!.AsArray().FirstOrDefault(i => (string?)i!["name"] == title) is { } found) return (string)found["id"]!;
            after = (string?)page["next"];
        } while (after is not null);
        throw new Xunit.Sdk.XunitException($"no draft titled {title}");
    }

    [Fact]
    public async Task ANewListingNamesItsProducersAndDeliveryAreasFromListsAndTheEditFormShowsThem()
    {
        var title = "表单糯米 " + Guid.NewGuid().ToString("N")[..6];
        var page = await app.Factory.SignedIn("coop.congjiang");
        var html = await page.GetText("/cooperative/listings/new");
        Assert.Matches("""<option value="522633" selected="selected">""", html);
        Assert.Contains("""name="ProducerIds" value="hh-cj02" """, html);
        Assert.Contains("""<option value="440000">""", html);

        using var created = await page.Post("/cooperative/listings/new", Form(html, title,
            ("ProducerIds", "hh-cj01"), ("ProducerIds", "hh-cj02"), ("DeliveryAreas", "440000"), ("DeliveryAreas", "520100")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var id = await ListingTitled(title);
        var draft = (await (await app.As("coop.congjiang")).GetObject($"/api/listings/{id}"))["draft"]!;
        Assert.Equal(["hh-cj01", "hh-cj02"], draft["producerIds"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(["440000", "520100"], draft["deliveryAreas"]!.AsArray().Select(p => (string)p!));

        var edit = await page.GetText($"/cooperative/listings/{id}/edit");
        Assert.Matches("""name="ProducerIds" value="hh-cj01" checked="checked" """, edit);
        Assert.DoesNotMatch("""name="ProducerIds" value="hh-cj03" checked""", edit);
        Assert.Matches("""<option value="520100" selected="selected">""", edit);
    }

    [Fact]
    public async Task AProducerFromAnotherCooperativeIsRefusedBesideTheProducersAndNothingIsCreated()
    {
        var title = "表单外社 " + Guid.NewGuid().ToString("N")[..6];
        var page = await app.Factory.SignedIn("coop.congjiang");
        var html = await page.GetText("/cooperative/listings/new");

        using var refused = await page.Post("/cooperative/listings/new", Form(html, title, ("ProducerIds", "hh-pz01")));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches(new Regex("""data-valmsg-for="ProducerIds"[^>]*>[^<]+"""), await refused.Content.ReadAsStringAsync(Api.Ct));
        await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => ListingTitled(title));
    }
}

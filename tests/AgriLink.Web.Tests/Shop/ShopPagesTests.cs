using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.RegularExpressions;
using AgriLink.Domain.Households;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Households;
using AgriLink.Web.Auth;
using AgriLink.Web.Tests.Infrastructure;
using AgriLink.Web.Tests.Photos;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Shop;

/// <summary>
/// The shop page (/shop/{id}), the origin page (/origin/{county}) and the listing page's links, read anonymously, and the
/// cooperative's profile photo form (/cooperative/profile): its own admins upload and remove, anyone else is refused.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed partial class ShopPagesTests(SeededApp app)
{
    [Fact]
    public async Task AnyoneReadsAShopWithItsFiguresFromTheProjections()
    {
        var page = await app.Anonymous().GetText("/shop/coop-pzcili");

        // The figures as the grains know them: the household members, and those on a poverty register.
        var grains = app.Factory.Services.GetRequiredService<IGrainFactory>();
        var members = (await grains.GetGrain<ICooperativeGrain>("coop-pzcili").Get()).Members.Select(m => m.MemberId).ToList();
        var households = new List<PovertyStatus>();
        foreach (var id in members)
        {
            var household = grains.GetGrain<IHouseholdGrain>(id);
            if (await household.Exists()) households.Add((await household.Get()).Status);
        }
        Assert.Contains("盘州市普古乡舍烹刺梨种植农民专业合作社", page);
        Assert.Contains($"id=\"member-households\" data-count=\"{households.Count}\"", page);
        Assert.Contains($"id=\"poor-households\" data-count=\"{households.Count(s => s != PovertyStatus.NotPoor)}\"", page);
        Assert.True(households.Count > 0);
        Assert.Contains("href=\"/origin/520281\"", page);
        Assert.Contains("data-status=\"Approved\"", page);
        Assert.Matches("class=\"rating\" data-count=\"[0-9]+\"", page);   // other tests may review the demo cooperative meanwhile
        Assert.DoesNotContain("id=\"deep-poverty\"", page);
        Assert.Contains("data-listing=\"lst-pzcilifresh\"", page);
        Assert.Contains("/media/photos/", page);   // the demo's drawn placeholders: its photo and the listings' covers
        Assert.DoesNotContain("hh-", page, StringComparison.Ordinal);

        using var missing = await app.Anonymous().Get("/shop/coop-none");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task TheShopPagesItsListingsByKey()
    {
        var seen = new List<string>();
        string? path = "/shop/coop-pzcili";
        while (path is not null)
        {
            var page = await app.Anonymous().GetText(path);
            seen.AddRange(ListingIds().Matches(page).Select(m => m.Groups["id"].Value));
            var next = NextLink().Match(page);
            path = next.Success ? WebUtility.HtmlDecode(next.Groups["href"].Value) : null;
        }
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Contains("lst-pzcilijuice", seen);
    }

    [Fact]
    public async Task TheOriginPageShowsTheCountysCooperativesAndProducts()
    {
        var deep = await app.Anonymous().GetText("/origin/522633");
        Assert.Contains("data-deep=\"true\"", deep);
        Assert.Contains("从江县", deep);
        Assert.Matches("href=\"/shop/coop-[a-z0-9]+\"", deep);
        Assert.Matches("data-listing=\"lst-", deep);

        var plain = await app.Anonymous().GetText("/origin/520281");
        Assert.Contains("data-deep=\"false\"", plain);
        Assert.Contains("href=\"/shop/coop-pzcili\"", plain);

        using var unknown = await app.Anonymous().Get("/origin/999999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task TheListingPageLinksToItsShopAndOriginAndMasksItsProducers()
    {
        var page = await app.Anonymous().GetText("/market/listings/lst-pzcilifresh");

        Assert.Contains("href=\"/shop/coop-pzcili\"", page);
        Assert.Contains("href=\"/origin/520281\"", page);
        var producers = ProducersList().Match(page).Groups["names"].Value.Split('、');
        Assert.Equal(3, producers.Length);
        Assert.All(producers, p => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{1,2}\*+\p{IsCJKUnifiedIdeographs}?$", p));
        Assert.DoesNotContain("hh-pz0", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItsAdminsSetAndRemoveTheProfilePhotoWithoutScriptAndOthersAreRefused()
    {
        var operatorClient = await app.As("operator");
        var coop = await operatorClient.RegisterCooperative(name: "盘州市普古乡店铺照片测试农民专业合作社");
        var userName = "shop.admin." + Guid.NewGuid().ToString("N")[..8];
        await TestAccounts.CreateAsync(app, userName, "店铺测试管理员", Roles.CooperativeAdmin, new Claim(AgriLinkClaims.Cooperative, coop));
        var admin = await app.Factory.SignedIn(userName);
        var other = await app.Factory.SignedIn("coop.panzhou");

        var form = await admin.GetText($"/cooperative/profile?coop={coop}");
        Assert.Contains("id=\"no-photo\"", form);
        using (var upload = await admin.Post($"/cooperative/profile?coop={coop}&handler=Photo", Multipart(form, TestImages.Picture(900, 600, seed: 7))))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
            Assert.Equal($"/cooperative/profile?coop={coop}#photo", upload.Headers.Location?.OriginalString);
        }
        var shop = await app.Anonymous().GetText($"/shop/{coop}");
        Assert.Contains("class=\"shop-photo\"", shop);

        // Another cooperative's admin, and anyone signed out, change nothing.
        var otherForm = await other.GetText("/cooperative/profile");
        using (var refused = await other.Post($"/cooperative/profile?coop={coop}&handler=RemovePhoto", Form(otherForm)))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var browser = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        using (var signedOut = await browser.Get($"/cooperative/profile?coop={coop}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.Contains("/account/login", signedOut.Headers.Location?.OriginalString);
        }
        Assert.Contains("class=\"shop-photo\"", await app.Anonymous().GetText($"/shop/{coop}"));

        var withPhoto = await admin.GetText($"/cooperative/profile?coop={coop}");
        using (var remove = await admin.Post($"/cooperative/profile?coop={coop}&handler=RemovePhoto", Form(withPhoto)))
            Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.DoesNotContain("class=\"shop-photo\"", await app.Anonymous().GetText($"/shop/{coop}"));
        var audit = await operatorClient.GetArray($"/api/audit?resourceType=cooperative&resourceId={coop}");
        Assert.Equal(["cooperative.photo-remove", "cooperative.photo-set"], audit.Take(2).Select(e => (string?)e!["action"]));
    }

    private static FormUrlEncodedContent Form(string page) =>
        new(new Dictionary<string, string> { ["__RequestVerificationToken"] = PageForms.Token(page) });

    private static MultipartFormDataContent Multipart(string page, byte[] file)
    {
        var content = new MultipartFormDataContent { { new StringContent(PageForms.Token(page)), "__RequestVerificationToken" } };
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(bytes, "file", "photo.jpg");
        return content;
    }

    [GeneratedRegex("""<li class="card listing" data-listing="(?<id>[^"]+)">""")]
    private static partial Regex ListingIds();

    [GeneratedRegex("""<a class="button secondary" rel="next" href="(?<href>[^"]+)">""")]
    private static partial Regex NextLink();

    [GeneratedRegex("""<dd id="producers">(?<names>[^<]+)</dd>""")]
    private static partial Regex ProducersList();
}

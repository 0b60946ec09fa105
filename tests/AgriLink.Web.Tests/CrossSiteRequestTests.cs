using System.Net;
using System.Text;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// Issue 16, item 2: the API signed in with the cookie has its own CSRF check. An unsafe request from another site (its
/// <c>Origin</c> or <c>Sec-Fetch-Site</c>) is refused and changes nothing; the site's own pages and bearer tokens are unaffected.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class CrossSiteRequestTests(SeededApp app)
{
    [Fact]
    public async Task ACookieSignedPostFromAnotherSiteIsRefusedAndChangesNothing()
    {
        var (listing, cookie) = await ActiveListingAndCookieClient();

        using var forged = await cookie.SendAsync(Pause(listing, ("Origin", "http://evil.example")), Api.Ct);
        await forged.AssertProblem(HttpStatusCode.Forbidden);
        using var fetched = await cookie.SendAsync(Pause(listing, ("Sec-Fetch-Site", "cross-site")), Api.Ct);
        await fetched.AssertProblem(HttpStatusCode.Forbidden);

        Assert.Equal("Active", (string?)(await app.Anonymous().GetObject($"/api/listings/{listing}"))["status"]);
    }

    [Fact]
    public async Task TheSitesOwnCookieRequestsAndBearerRequestsFromAnywhereGoThrough()
    {
        var (listing, cookie) = await ActiveListingAndCookieClient();
        var bearer = await app.As("coop.panzhou");

        using (var fromElsewhereWithToken = await bearer.SendAsync(Pause(listing, ("Origin", "http://evil.example")), Api.Ct))
            Assert.Equal("Paused", (string?)(await fromElsewhereWithToken.AssertOk())["status"]);
        using (var publish = await cookie.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/listings/{listing}/publish")
               {
                   Headers = { { "Origin", "http://localhost" }, { "Sec-Fetch-Site", "same-origin" } },
               }, Api.Ct))
            Assert.Equal("Active", (string?)(await publish.AssertOk())["status"]);
    }

    private async Task<(string Listing, HttpClient Cookie)> ActiveListingAndCookieClient()
    {
        var admin = await app.As("coop.panzhou");
        var listing = await admin.CreateDraft("coop-pzcili", Listings.Draft(title: "跨站测试刺梨"));
        using (var publish = await admin.Post($"/api/listings/{listing}/publish")) await publish.AssertOk();
        return (listing, await app.Factory.SignedIn("coop.panzhou"));
    }

    private static HttpRequestMessage Pause(string listing, (string Name, string Value) header)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/listings/{listing}/pause")
        {
            Content = new StringContent("{}", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add(header.Name, header.Value);
        return request;
    }
}

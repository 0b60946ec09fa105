using System.Net;
using System.Text.RegularExpressions;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Assemblies;

/// <summary>The public notice board: open without signing in, names masked, no phone or id numbers, cacheable.</summary>
[Collection(SeededAppCollection.Name)]
public sealed partial class NoticeBoardTests(SeededApp app)
{
    private static HttpRequestMessage Page(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return request;
    }

    [Fact]
    public async Task AnyoneReadsThePlanOnNoticeWithMaskedNamesAndNoNumbersThatIdentify()
    {
        using var response = await app.Anonymous().SendAsync(Page("/board/coop-pzcili"), Api.Ct);
        var html = await response.Content.ReadAsStringAsync(Api.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2025 年度盈余分配方案", html, StringComparison.Ordinal);
        Assert.Contains("公示期", html, StringComparison.Ordinal);
        Assert.Contains("如有异议", html, StringComparison.Ordinal);
        Assert.Matches(MaskedHousehold(), html);
        AssertPublicAndIdentifiesNobody(response, html);
    }

    [Fact]
    public async Task AnyoneReadsTheVillageBoardOfItsCooperativesNoticesAndAssemblies()
    {
        // The tests' own cooperatives are in this village too: the board is paged (by id), so walk it to the demo's.
        var seen = new List<string>();
        string? next = "/board/village/520281/" + Uri.EscapeDataString("舍烹村");
        string html = "";
        HttpResponseMessage response = null!;
        while (next is not null && !html.Contains("href=\"/board/coop-pzcili\"", StringComparison.Ordinal))
        {
            response?.Dispose();
            response = await app.Anonymous().SendAsync(Page(next), Api.Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            html = await response.Content.ReadAsStringAsync(Api.Ct);
            seen.AddRange(CooperativeCards().Matches(html).Select(m => m.Groups["id"].Value));
            next = NextPage().Match(html) is { Success: true } link ? System.Net.WebUtility.HtmlDecode(link.Groups["href"].Value) : null;
            Assert.True(seen.Count <= 10_000, "the village board's pages never end");
        }
        using var last = response;
        Assert.Equal(seen.Distinct(StringComparer.Ordinal).Count(), seen.Count); // no cooperative on two pages
        Assert.Contains("盘州市普古乡舍烹刺梨种植农民专业合作社", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/board/coop-pzcili\"", html, StringComparison.Ordinal);
        Assert.Contains("2025 年度盈余分配方案", html, StringComparison.Ordinal);
        // Its latest assemblies (the demo's 2025 assembly, or newer ones other tests called), at most the page's number.
        var section = Regex.Match(html, "<section[^>]*data-cooperative=\"coop-pzcili\".*?</section>", RegexOptions.Singleline).Value;
        var assemblies = Regex.Matches(section, "<h3>(?<title>[^<]*)</h3>").Count(m => !m.Groups["title"].Value.Contains("年度盈余分配方案", StringComparison.Ordinal));
        Assert.InRange(assemblies, 1, Web.Pages.Board.VillageModel.AssembliesPerCooperative);
        // Another county's cooperative is not in this village.
        Assert.DoesNotContain("修文县六屯镇猕猴桃种植农民专业合作社", html, StringComparison.Ordinal);
        AssertPublicAndIdentifiesNobody(response, html);
    }

    [Theory]
    [InlineData("/board/village/520281/nowhere")]
    [InlineData("/board/village/52028x/%E8%88%8D%E7%83%B9%E6%9D%91")]
    [InlineData("/board/village/520123/%E8%88%8D%E7%83%B9%E6%9D%91")]
    public async Task AVillageWithoutCooperativesHasNoBoard(string path)
    {
        using var response = await app.Anonymous().SendAsync(Page(path), Api.Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownCooperativeHasNoBoard()
    {
        using var response = await app.Anonymous().SendAsync(Page("/board/coop-nowhere"), Api.Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The same answer for everyone, cacheable, with no phone or id number, no household id and nothing to post.</summary>
    private static void AssertPublicAndIdentifiesNobody(HttpResponseMessage response, string html)
    {
        Assert.DoesNotMatch(Phone(), html);
        Assert.DoesNotMatch(IdCard(), html);
        Assert.DoesNotContain("hh-pz", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.Contains("public", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    // A person's name as the board shows it: surname, stars, the last character (王*明, 王*明户).
    [GeneratedRegex(@"<td>\p{IsCJKUnifiedIdeographs}{1,2}\*+\p{IsCJKUnifiedIdeographs}?户?</td>")]
    private static partial Regex MaskedHousehold();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex IdCard();

    [GeneratedRegex("data-cooperative=\"(?<id>[^\"]+)\"")]
    private static partial Regex CooperativeCards();

    [GeneratedRegex("id=\"next-page\" href=\"(?<href>[^\"]+)\"")]
    private static partial Regex NextPage();
}

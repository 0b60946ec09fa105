using System.Net;
using System.Net.Http.Headers;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>An error status on a page reaches a person as a page in their language with a way back; the API keeps its problems.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class StatusPagesTests(SeededApp app)
{
    [Fact]
    public async Task APageThatLeadsNowhereIsAChinesePageWithAWayBack()
    {
        var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        foreach (var path in (string[])["/market/listings/no-such-listing", "/no/such/page"])
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<h1>找不到这个页面</h1>", html);
            Assert.Contains("""<a href="/">""", html);
        }
    }

    [Fact]
    public async Task InEnglishItIsAnEnglishPage()
    {
        var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        using var response = await client.GetAsync("/market/listings/no-such-listing", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheApiStillAnswersAProblem()
    {
        var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.GetAsync("/api/listings/no-such-listing", TestContext.Current.CancellationToken);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenedDirectlyTheStatusPageAnswersItsStatus()
    {
        var client = app.Factory.CreateClient();

        using var response = await client.GetAsync("/status/500", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("出错了", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

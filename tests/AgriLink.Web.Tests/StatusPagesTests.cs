using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
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

/// <summary>A fault on a page: the status page with a 500, nothing of the exception; the same fault for an API client stays a problem.</summary>
public sealed class FaultPageTests
{
    [Fact]
    public async Task AFaultOnAPageIsTheStatusPageAndShowsNothingOfTheException()
    {
        using var folder = new TempFolder();
        await using var factory = new AgriLinkFactory(folder.Path, new Dictionary<string, string?> { ["AgriLink:SeedDemo"] = "false" });
        using var faulty = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, Fault>()));
        var browser = faulty.CreateClient();
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var page = await browser.GetAsync("/fault", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>出错了</h1>", html);
        Assert.DoesNotContain(Fault.Secret, html);

        var api = faulty.CreateClient();
        using var problem = await api.GetAsync("/fault", TestContext.Current.CancellationToken);
        var body = await problem.AssertProblem(HttpStatusCode.InternalServerError);
        Assert.Equal("urn:agrilink:problem:internal", (string?)body["type"]);
        Assert.DoesNotContain(Fault.Secret, body.ToJsonString());
    }

    /// <summary>A request to /fault fails inside the app's own pipeline, after its endpoints.</summary>
    private sealed class Fault : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public const string Secret = "connection string with a password";

        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(http => http.Request.Path == "/fault"
                ? throw new InvalidOperationException(Secret)
                : Task.CompletedTask);
        };
    }
}

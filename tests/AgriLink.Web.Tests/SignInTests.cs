using System.Net;
using AgriLink.Web.Auth;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests;

[Collection(SeededAppCollection.Name)]
public sealed class SignInTests(SeededApp app)
{
    [Fact]
    public async Task DemoAccountSignsInWithTheDemoPassword()
    {
        var token = await app.Anonymous().LoginAsync("buyer.union", DemoData.Password);

        Assert.False(string.IsNullOrWhiteSpace(token));
    }

    [Fact]
    public async Task WrongPasswordIsRefusedWithAProblem()
    {
        using var response = await app.Anonymous().PostLogin("ent.qianfeng", "not-the-password");

        var problem = await response.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("urn:agrilink:problem:sign-in-failed", (string?)problem["type"]);
    }

    [Fact]
    public async Task MissingCredentialsAreAValidationProblem()
    {
        using var response = await app.Anonymous().SendJson(HttpMethod.Post, "/api/auth/login", "{}");

        await response.AssertValidationProblem("userName", "password");
    }

    [Fact]
    public async Task AfterFiveWrongPasswordsEvenTheRightOneIsRefused()
    {
        const string password = "Lockout#Test2026";
        var userName = "lockout-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AgriLinkUser>>();
            var created = await users.CreateAsync(new AgriLinkUser { UserName = userName, DisplayName = "锁定测试" }, password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        var client = app.Anonymous();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.PostLogin(userName, "wrong-password-" + attempt);
            await wrong.AssertProblem(HttpStatusCode.Unauthorized);
        }
        using var fifth = await client.PostLogin(userName, "wrong-password-5");
        using var right = await client.PostLogin(userName, password);

        await fifth.AssertProblem((HttpStatusCode)423);
        var problem = await right.AssertProblem((HttpStatusCode)423);
        Assert.Equal("urn:agrilink:problem:locked-out", (string?)problem["type"]);
    }
}

/// <summary>Its own app: a small sign-in limit, and no demo (unknown users are refused just the same).</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task SignInAttemptsBeyondTheLimitPerMinuteAreRefused()
    {
        using var folder = new TempFolder();
        await using var factory = new AgriLinkFactory(folder.Path, new Dictionary<string, string?>
        {
            ["AgriLink:SeedDemo"] = "false",
            ["AgriLink:SignInAttemptsPerMinute"] = "3",
        });
        var client = factory.CreateClient();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await client.PostLogin("nobody", "wrong-password");
            await allowed.AssertProblem(HttpStatusCode.Unauthorized);
        }
        using var refused = await client.PostLogin("nobody", "wrong-password");

        await refused.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);

        // Opening the form is not an attempt; posting it is, and a person is told so on a page, not in JSON.
        var pages = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        pages.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var form = await pages.GetText("/account/login");
        using var page = await pages.Post("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "nobody", ["Password"] = "wrong-password", ["__RequestVerificationToken"] = PageForms.Token(form),
        }));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("操作太频繁", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

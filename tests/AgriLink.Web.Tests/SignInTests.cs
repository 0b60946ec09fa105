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

    /// <summary>Issue 16, item 3: failures lock the account for the address they come from, not for everyone.</summary>
    [Fact]
    public async Task AfterFiveWrongPasswordsThatAddressWaitsButAnotherStillSignsIn()
    {
        const string password = "Lockout#Test2026";
        var userName = await NewAccount(password);
        var attacker = From("203.0.113.7");

        for (var attempt = 1; attempt <= SignInGuard.FreeFailures; attempt++)
        {
            using var wrong = await attacker.PostLogin(userName, "wrong-password-" + attempt);
            await wrong.AssertProblem(HttpStatusCode.Unauthorized);
        }
        using (var right = await attacker.PostLogin(userName, password))
            Assert.Equal("urn:agrilink:problem:sign-in-failed", (string?)(await right.AssertProblem(HttpStatusCode.Unauthorized))["type"]);

        // The account's owner, elsewhere, is not locked out by it.
        Assert.False(string.IsNullOrWhiteSpace(await From("198.51.100.20").LoginAsync(userName, password)));
    }

    /// <summary>Issue 16, item 3: nothing in the answer tells an unknown user from a wrong password or a locked-out address.</summary>
    [Fact]
    public async Task UnknownUserWrongPasswordAndLockedOutAnswerTheSame()
    {
        var userName = await NewAccount("Lockout#Test2026");
        var locked = From("203.0.113.8");
        for (var attempt = 1; attempt <= SignInGuard.FreeFailures; attempt++)
            (await locked.PostLogin(userName, "wrong-password")).Dispose();

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var (client, name, password) in new[]
                 {
                     (From("203.0.113.9"), "nobody-" + Guid.NewGuid().ToString("N")[..8], "wrong-password"),
                     (From("203.0.113.9"), userName, "wrong-password"),
                     (locked, userName, "wrong-password"),
                     (locked, userName, "Lockout#Test2026"),
                 })
        {
            using var response = await client.PostLogin(name, password);
            var problem = await response.AssertProblem(HttpStatusCode.Unauthorized);
            problem.Remove("traceId");
            answers.Add((response.StatusCode, problem.ToJsonString()));
        }
        Assert.Single(answers.Distinct());
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(8, 8)]
    [InlineData(9, 15)]
    [InlineData(40, 15)]
    public void TheWaitGrowsWithEachFailureUpToAQuarterHour(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), SignInFailures.WaitAfter(failures));

    private HttpClient From(string address)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(AgriLinkFactory.ClientAddressHeader, address);
        return client;
    }

    private async Task<string> NewAccount(string password)
    {
        var userName = "lockout-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgriLinkUser>>();
        var created = await users.CreateAsync(new AgriLinkUser { UserName = userName, DisplayName = "锁定测试" }, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return userName;
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

    /// <summary>Issue 16, item 3: refreshing a token has its own budget; a spent sign-in budget does not stop it.</summary>
    [Fact]
    public async Task RefreshDoesNotShareTheSignInBudget()
    {
        using var folder = new TempFolder();
        await using var factory = new AgriLinkFactory(folder.Path, new Dictionary<string, string?>
        {
            ["AgriLink:SeedDemo"] = "true",
            ["AgriLink:SignInAttemptsPerMinute"] = "2",
        });
        var client = factory.CreateClient();

        string refreshToken;
        using (var login = await client.PostLogin("buyer.union", DemoData.Password))
            refreshToken = (string)(await login.AssertOk())["refreshToken"]!;
        using (var second = await client.PostLogin("nobody", "wrong-password")) await second.AssertProblem(HttpStatusCode.Unauthorized);
        using (var spent = await client.PostLogin("buyer.union", DemoData.Password)) await spent.AssertProblem(HttpStatusCode.TooManyRequests);

        for (var i = 0; i < 3; i++)
        {
            using var refresh = await client.SendJson(HttpMethod.Post, "/api/auth/refresh", new System.Text.Json.Nodes.JsonObject { ["refreshToken"] = refreshToken });
            refreshToken = (string)(await refresh.AssertOk())["refreshToken"]!;
        }
    }
}

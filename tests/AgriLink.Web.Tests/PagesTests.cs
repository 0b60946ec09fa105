using System.Net;
using System.Text.RegularExpressions;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace AgriLink.Web.Tests;

[Collection(SeededAppCollection.Name)]
public sealed partial class PagesTests(SeededApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/api/listings")]
    public async Task ResponsesCarrySecurityHeaders(string path)
    {
        using var response = await app.Anonymous().Get(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
    }

    [Fact]
    public async Task SignInFormCarriesAnAntiforgeryToken()
    {
        var html = await app.Anonymous().GetText("/account/login");

        Assert.Contains("<form method=\"post\"", html);
        Assert.Matches(TokenField(), html);
    }

    [Fact]
    public async Task SignInFormPostedWithoutTheTokenIsRefused()
    {
        var client = NewBrowser();
        using (await client.Get("/account/login"))
        {
        }

        using var response = await client.Post("/account/login", Form("coop.panzhou", DemoData.Password, token: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("agrilink=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignInFormWithTheTokenSignsInWithACookie()
    {
        var client = NewBrowser();
        var html = await client.GetText("/account/login");
        var token = TokenField().Match(html).Groups["token"].Value;

        using var response = await client.Post("/account/login", Form("coop.meitan", DemoData.Password, token));
        var home = await client.GetText("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains("<span>coop.meitan</span>", home);
    }

    [Fact]
    public async Task SignedInUserSignsOutWithTheLayoutsForm()
    {
        var client = NewBrowser();
        var login = await client.GetText("/account/login");
        using (await client.Post("/account/login", Form("coop.congjiang", DemoData.Password, TokenField().Match(login).Groups["token"].Value)))
        {
        }
        var home = await client.GetText("/");
        var logoutForm = LogoutForm().Match(home);
        Assert.True(logoutForm.Success, "The signed-in layout shows a logout form.");
        var token = TokenField().Match(logoutForm.Value);
        var fields = token.Success ? new Dictionary<string, string> { ["__RequestVerificationToken"] = token.Groups["token"].Value } : [];

        using var response = await client.Post("/account/logout", new FormUrlEncodedContent(fields));
        var after = await client.GetText("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("href=\"/account/login\"", after);
    }

    private HttpClient NewBrowser() =>
        app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static FormUrlEncodedContent Form(string userName, string password, string? token)
    {
        var fields = new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password };
        if (token is not null) fields["__RequestVerificationToken"] = token;
        return new FormUrlEncodedContent(fields);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    private static Regex TokenField() => PageForms.TokenField();

    [GeneratedRegex("""<form[^>]*action="/account/logout"[^>]*>.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex LogoutForm();
}

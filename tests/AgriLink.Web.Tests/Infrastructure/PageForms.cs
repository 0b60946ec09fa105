using System.Net;
using System.Text.RegularExpressions;
using AgriLink.Web.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>Reading the server-rendered forms of the pages (their antiforgery token), and signing in through them.</summary>
public static partial class PageForms
{
    [GeneratedRegex("""<input name="__RequestVerificationToken" type="hidden" value="(?<token>[^"]+)" />""")]
    public static partial Regex TokenField();

    /// <summary>The first form's antiforgery token in the page.</summary>
    public static string Token(string html) => TokenField().Match(html).Groups["token"].Value;

    /// <summary>A client signed in through the sign-in form as the demo account (a cookie, like a browser); redirects not followed.</summary>
    public static async Task<HttpClient> SignedIn(this AgriLinkFactory factory, string userName)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetText("/account/login");
        using var response = await client.Post("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = DemoData.Password, ["__RequestVerificationToken"] = Token(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

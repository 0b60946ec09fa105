using System.Net;
using System.Text.RegularExpressions;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace AgriLink.Web.Tests.Accounts;

/// <summary>
/// Issue 23's pages: an operator invites through the form and gets the slip (code, link, QR code) once; the person opens
/// the link, sets a password and signs in through the sign-in form; their account page lists the sign-in.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed partial class AccountPagesTests(SeededApp app)
{
    [Fact]
    public async Task AnInvitationMadeOnThePageIsActivatedOnThePageAndSignsIn()
    {
        var operatorPage = await app.Factory.SignedIn("operator");
        var form = await operatorPage.GetText("/account/invite");
        string slip;
        using (var invite = await operatorPage.Post("/account/invite", Form(form,
                   ("Role", "EnterpriseAdmin"), ("ObjectId", "ent-panshan"), ("DisplayName", "盘山刺梨采购员"), ("Phone", ""))))
        {
            Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
            slip = await invite.Content.ReadAsStringAsync(Api.Ct);
        }
        var code = CodeOnSlip().Match(slip).Groups["code"].Value;
        Assert.NotEmpty(code);
        Assert.Contains("src=\"data:image/png;base64,", slip, StringComparison.Ordinal);
        Assert.Contains("/account/activate?code=", slip, StringComparison.Ordinal);
        // Shown once: the list of issued codes has the record, not the code.
        Assert.DoesNotContain(code, await operatorPage.GetText("/account/invite"), StringComparison.Ordinal);

        var person = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var activate = await person.GetText($"/account/activate?code={Uri.EscapeDataString(code)}");
        Assert.Contains($"value=\"{code}\"", activate, StringComparison.Ordinal);
        var userName = AccountFlows.UniqueName("page");
        using (var opened = await person.Post("/account/activate", Form(activate, ("Code", code), ("UserName", userName), ("Password", AccountFlows.NewPassword))))
            Assert.Contains(userName, await opened.Content.ReadAsStringAsync(Api.Ct), StringComparison.Ordinal);

        var login = await person.GetText("/account/login");
        using (var signIn = await person.Post("/account/login", Form(login, ("UserName", userName), ("Password", AccountFlows.NewPassword))))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var account = await person.GetText("/account");
        Assert.Contains("id=\"sign-ins\"", account, StringComparison.Ordinal);
        Assert.Contains(userName, account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWeakPasswordOnTheActivationPageIsShownBesideTheFieldInChinese()
    {
        var issued = await (await app.As("operator")).Invite("EnterpriseAdmin", "ent-qianfeng");
        var person = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var activate = await person.GetText("/account/activate");

        using var refused = await person.Post("/account/activate",
            Form(activate, ("Code", (string)issued["code"]!), ("UserName", AccountFlows.UniqueName("page")), ("Password", "1234567890")));

        var html = await refused.Content.ReadAsStringAsync(Api.Ct);
        Assert.Contains("是最常见的密码之一", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHouseholdMayNotOpenTheInvitationPage()
    {
        var farmer = await app.Factory.SignedIn("farmer.pz01");
        using var page = await farmer.Get("/account/invite");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await farmer.Get("/account/two-factor")).StatusCode);
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", PageForms.Token(page))));

    [GeneratedRegex("""id="code">(?<code>[A-Z2-9-]+)<""")]
    private static partial Regex CodeOnSlip();
}

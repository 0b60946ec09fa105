using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// A cooperative admits a member from /cooperative/members without typing an id: it looks for registered households of
/// its own county by the head's name or the village, and invites the one it recognises. Each test registers households
/// of its own (a name no other test uses).
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class MemberSearchPageTests(SeededApp app)
{
    private async Task<string> Registered(string headName, string county, string village)
    {
        var coop = await app.As("coop.panzhou");
        using var register = await coop.SendJson(HttpMethod.Post, "/api/households", new JsonObject
        {
            ["profile"] = new JsonObject { ["headName"] = headName, ["countyCode"] = county, ["township"] = "普古乡", ["village"] = village, ["people"] = 3 },
        });
        return (string)(await register.AssertOk(HttpStatusCode.Created))["id"]!;
    }

    private static string Found(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task AHouseholdOfTheCountyIsFoundByNameAndInvitedWithOneButton()
    {
        var name = "邀请测试" + Guid.NewGuid().ToString("N")[..6];
        var here = await Registered(name, "520281", "娘娘山村");
        var elsewhere = await Registered(name + "外县", "520123", "大木村");
        var page = await app.Factory.SignedIn("coop.panzhou");

        var html = await page.GetText($"/cooperative/members?find={Uri.EscapeDataString(name)}");
        Assert.Contains($"data-household=\"{here}\"", html);
        Assert.Contains("娘娘山村", Found(html));
        Assert.DoesNotContain(elsewhere, html);

        using var invited = await page.Post("/cooperative/members", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["MemberId"] = here, ["DisplayName"] = name, ["Kind"] = "Household", ["IsFarmer"] = "true",
            ["__RequestVerificationToken"] = PageForms.Token(html),
        }));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains($"invited={here}", invited.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheSearchNarrowsByVillageAndLeavesOutMembers()
    {
        var name = "村名测试" + Guid.NewGuid().ToString("N")[..6];
        var inShepeng = await Registered(name, "520281", "舍烹村");
        var inBoyang = await Registered(name, "520281", "播秧村");
        var page = await app.Factory.SignedIn("coop.panzhou");

        var html = await page.GetText($"/cooperative/members?find={Uri.EscapeDataString(name)}&village={Uri.EscapeDataString("播秧村")}");
        Assert.Contains($"data-household=\"{inBoyang}\"", html);
        Assert.DoesNotContain(inShepeng, html);

        // hh-pz01 is a member already: its name finds nothing to invite.
        var member = Web.Seeding.DemoData.Households().Single(h => h.Id == "hh-pz01").Profile.HeadName;
        var members = await page.GetText($"/cooperative/members?find={Uri.EscapeDataString(member)}");
        Assert.DoesNotContain("data-household=\"hh-pz01\"", members);
    }

    [Fact]
    public async Task ASearchTextWithLikeWildcardsMatchesThemLiterally()
    {
        var page = await app.Factory.SignedIn("coop.panzhou");
        var html = await page.GetText($"/cooperative/members?find={Uri.EscapeDataString("%")}");
        Assert.Contains("id=\"candidates-none\"", html);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>The buyer's demand and quota pages over plain HTTP: form problems beside their fields, and per-object access.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class BuyerPagesTests(SeededApp app)
{
    [Fact]
    public async Task DemandFormProblemsShowBesideTheirFieldsIncludingNestedOnes()
    {
        var client = await SignedIn("buyer.canteen");
        var form = await client.GetText("/buyer/demands");

        using var response = await client.Post("/buyer/demands", Demand(Token(form), ("PartnerRegionCode", "999999"), ("MaxPrice", "1.234")));
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("最多 2 位小数", Beside(html, "MaxPrice"));
        // Nothing reaches the API while the page's own check fails; fixed, the API's nested field goes beside its input.
        using var second = await client.Post("/buyer/demands", Demand(Token(html), ("PartnerRegionCode", "999999")));
        html = await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("行政区划代码", Beside(html, "PartnerRegionCode"));
    }

    [Fact]
    public async Task ADemandPageIsItsBuyersOnly()
    {
        var canteen = await SignedIn("buyer.canteen");
        using var posted = await canteen.Post("/buyer/demands", Demand(Token(await canteen.GetText("/buyer/demands")), ("MaxPrice", "70")));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var path = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/buyer/demands/dmd-", path);
        Assert.Contains("¥70.00", await canteen.GetText(path));

        var consumer = await SignedIn("buyer.consumer");
        using var other = await consumer.GetAsync(path, TestContext.Current.CancellationToken);
        using var unknown = await consumer.GetAsync("/buyer/demands/dmd-nosuchthing", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private Task<HttpClient> SignedIn(string userName) => app.Factory.SignedIn(userName);

    private static FormUrlEncodedContent Demand(string token, params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Title"] = "食堂水果", ["Category"] = "Fruit", ["Quantity"] = "100", ["Unit"] = "Jin",
            ["DeliverBy"] = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"), ["DeliveryRegionCode"] = "440103",
        };
        foreach (var (name, value) in changes) fields[name] = value;
        return new FormUrlEncodedContent(fields);
    }

    private static string Token(string html) => PageForms.Token(html);

    private static string Beside(string html, string field) =>
        Regex.Match(html, $"""<span class="field-validation-error" data-valmsg-for="{field}"[^>]*>(?<m>[^<]*)</span>""").Groups["m"].Value;
}

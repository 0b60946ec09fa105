using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AgriLink.Web.Tests.Dividends;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Offtake;

/// <summary>
/// Offtake contracts in the pages, as a browser without script uses them: the enterprise (ent.qianfeng) proposes from
/// /enterprise/propose choosing the cooperative from a list, and the cooperative (coop.panzhou) accepts or declines from
/// /cooperative/offtake. Each test proposes contracts of its own.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed partial class OfftakePagesTests(SeededApp app)
{
    private static string Day(int offset) => DividendHelpers.ChinaToday.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static FormUrlEncodedContent Form(string html, params (string Name, string Value)[] fields) =>
        new(new Dictionary<string, string>(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)))
        {
            ["__RequestVerificationToken"] = PageForms.Token(html),
        });

    private static (string, string)[] Proposal(string product, string start, string end, string floor) =>
    [
        ("CooperativeId", "coop-pzcili"), ("Product", product), ("Category", "Fruit"), ("Unit", "Jin"), ("Quantity", "500"),
        ("DeliveryStart", start), ("DeliveryEnd", end), ("FloorPrice", floor), ("MarketPriceIfHigher", "true"),
    ];

    private async Task<string> ProposedFromThePage(string product)
    {
        var enterprise = await app.Factory.SignedIn("ent.qianfeng");
        var html = await enterprise.GetText("/enterprise/propose");
        Assert.Contains("""<option value="coop-pzcili">""", html);
        using var posted = await enterprise.Post("/enterprise/propose", Form(html, Proposal(product, Day(0), Day(30), "3.20")));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = ContractAnchor().Match(posted.Headers.Location!.OriginalString).Groups["id"].Value;
        Assert.StartsWith("off-", id, StringComparison.Ordinal);
        return id;
    }

    [Fact]
    public async Task AnEnterpriseProposesFromThePageAndTheCooperativeAcceptsFromItsOwn()
    {
        var product = "页面提议鲜刺梨 " + Guid.NewGuid().ToString("N")[..6];
        var id = await ProposedFromThePage(product);
        var view = await (await app.As("ent.qianfeng")).GetObject($"/api/offtake-contracts/{id}");
        Assert.Equal("Proposed", (string?)view["status"]);
        Assert.Equal(320, (long)view["terms"]!["floorPriceFen"]!);
        Assert.True((bool)view["terms"]!["marketPriceIfHigher"]!);
        Assert.Equal(product, (string?)view["terms"]!["product"]);

        var coop = await app.Factory.SignedIn("coop.panzhou");
        var list = await coop.GetText("/cooperative/offtake");
        using var accepted = await coop.Post("/cooperative/offtake?handler=Accept", Form(list, ("ContractId", id)));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        Assert.Equal("Active", (string?)(await (await app.As("coop.panzhou")).GetObject($"/api/offtake-contracts/{id}"))["status"]);
        var enterprisePage = WebUtility.HtmlDecode(await (await app.Factory.SignedIn("ent.qianfeng")).GetText("/enterprise"));
        Assert.Contains(product, enterprisePage);
        Assert.Contains("/enterprise/propose?id=ent-qianfeng", enterprisePage);
    }

    [Fact]
    public async Task TheCooperativeDeclinesWithItsReasonAndAnotherCooperativeCannotAnswer()
    {
        var id = await ProposedFromThePage("页面提议核桃 " + Guid.NewGuid().ToString("N")[..6]);

        var other = await app.Factory.SignedIn("coop.xiuwen");
        var otherPage = await other.GetText("/cooperative/offtake");
        using (var refused = await other.Post("/cooperative/offtake?handler=Accept", Form(otherPage, ("ContractId", id))))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var coop = await app.Factory.SignedIn("coop.panzhou");
        var list = await coop.GetText("/cooperative/offtake");
        using var declined = await coop.Post("/cooperative/offtake?handler=Decline", Form(list, ("ContractId", id), ("Reason", "今年产量不足")));
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal("Declined", (string?)(await (await app.As("ent.qianfeng")).GetObject($"/api/offtake-contracts/{id}"))["status"]);
    }

    [Fact]
    public async Task ABadProposalIsShownBesideItsFieldsAndProposesNothing()
    {
        var product = "页面提议错误 " + Guid.NewGuid().ToString("N")[..6];
        var enterprise = await app.Factory.SignedIn("ent.qianfeng");
        var html = await enterprise.GetText("/enterprise/propose");

        using var unreadable = await enterprise.Post("/enterprise/propose", Form(html, Proposal(product, Day(0), Day(30), "三块")));
        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        Assert.Matches("""data-valmsg-for="FloorPrice"[^>]*>[^<]+""", await unreadable.Content.ReadAsStringAsync(Api.Ct));

        using var backwards = await enterprise.Post("/enterprise/propose", Form(html, Proposal(product, Day(30), Day(0), "3.20")));
        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        Assert.Matches("""data-valmsg-for="DeliveryEnd"[^>]*>[^<]+""", await backwards.Content.ReadAsStringAsync(Api.Ct));

        var mine = await (await app.As("ent.qianfeng")).GetObject("/api/enterprises/ent-qianfeng/offtake-contracts?status=Proposed&limit=200");
        Assert.DoesNotContain(mine["items"]!.AsArray(), c => (string?)c!["product"] == product);
    }

    [Fact]
    public async Task ACountyOfficersHomeNamesItsCounty()
    {
        var officer = await app.Factory.SignedIn("county.panzhou");
        var home = WebUtility.HtmlDecode(await officer.GetText("/"));
        Assert.Matches("""id="my-county">[^<]*<strong>盘州市</strong>""", home);
        Assert.DoesNotContain("CountyOfficer", home);
    }

    [GeneratedRegex("#(?<id>off-[A-Za-z0-9]+)$")]
    private static partial Regex ContractAnchor();
}

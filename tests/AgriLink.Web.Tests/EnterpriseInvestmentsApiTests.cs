using System.Net;
using AgriLink.Web.Tests.Dividends;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// An enterprise's investments (企业投资股 in cooperatives' registers) and their dividends: the demo's 盘山 enterprise holds
/// an investment share in 舍烹 cooperative. Its admins and operators read them; nobody else does.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class EnterpriseInvestmentsApiTests(SeededApp app)
{
    private const string Holdings = "/api/enterprises/ent-panshan/holdings";
    private const string Dividends = "/api/enterprises/ent-panshan/dividends";

    [Fact]
    public async Task TheEnterpriseSeesItsInvestmentShareAsTheRegisterHoldsIt()
    {
        var own = await (await app.As("ent.panshan")).GetArray(Holdings);

        var coop = Assert.Single(own)!;
        Assert.Equal("coop-pzcili", (string?)coop["cooperativeId"]);
        var holding = Assert.Single(coop["holdings"]!.AsArray())!;
        Assert.Equal("h-ent-panshan", (string?)holding["holdingId"]);
        Assert.Equal("EnterpriseInvestment", (string?)holding["shareClass"]);
        Assert.Equal(500_000, (long)holding["shares"]!);
        Assert.Equal(50_000_000, (long)holding["valuationFen"]!);
        Assert.Equal(own.ToJsonString(), (await (await app.As("operator")).GetArray(Holdings)).ToJsonString());
    }

    [Fact]
    public async Task ItsDividendsAreItsLinesInTheDeclarationsTheMembersCanSee()
    {
        var dividends = await (await app.As("ent.panshan")).GetArray($"{Dividends}?lang=en");
        var operatorClient = await app.As("operator");

        Assert.NotEmpty(dividends);
        foreach (var d in dividends)
        {
            var year = (int)d!["fiscalYear"]!;
            Assert.Equal("coop-pzcili", (string?)d["cooperativeId"]);
            Assert.NotEqual("Draft", (string?)d["status"]);
            var line = (await operatorClient.AllLines("coop-pzcili", year)).Single(l => (string?)l["shareholderId"] == "ent-panshan");
            Assert.Equal((long)line["paidFen"]!, (long)d["paidFen"]!);
            Assert.Equal((long)line["paidFen"]!, d["components"]!.AsArray().Sum(c => (long)c!["amountFen"]!));
            Assert.All(d["components"]!.AsArray(), c => Assert.False(string.IsNullOrWhiteSpace((string?)c!["explanation"])));
        }
    }

    [Fact]
    public async Task OtherAccountsAreRefusedAndUnknownEnterprisesAreNotFound()
    {
        foreach (var stranger in new[] { "ent.qianfeng", "coop.panzhou", "farmer.pz01", "buyer.canteen" })
        {
            using var holdings = await (await app.As(stranger)).Get(Holdings);
            using var dividends = await (await app.As(stranger)).Get(Dividends);
            await holdings.AssertProblem(HttpStatusCode.Forbidden);
            await dividends.AssertProblem(HttpStatusCode.Forbidden);
        }

        using var anonymous = await app.Anonymous().Get(Holdings);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var unknown = await (await app.As("operator")).Get("/api/enterprises/ent-nobody/holdings");
        await unknown.AssertProblem(HttpStatusCode.NotFound);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Monitoring;

/// <summary>
/// Issue 19: a household's income as the platform recorded it, per person against the monitoring line — read by the
/// household, its county's officers and operators only.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class HouseholdIncomeApiTests(SeededApp app)
{
    private static readonly int ThisYear = DateTime.UtcNow.AddHours(8).Year;

    private static long Source(JsonObject income, string source) =>
        (long?)income["sources"]!.AsArray().SingleOrDefault(s => (string?)s!["source"] == source)?["fen"] ?? 0;

    [Fact]
    public async Task ADeliveryRecordedForTheHouseholdShowsInItsIncomeAgainstTheLine()
    {
        var farmer = await app.As("farmer.pz01");
        var path = $"/api/households/hh-pz01/income/{ThisYear}";
        var before = await farmer.GetObject(path);

        var admin = await app.As("coop.panzhou");
        using (var trade = await admin.SendJson(HttpMethod.Post, $"/api/cooperatives/coop-pzcili/trade/{ThisYear}", new JsonObject
        {
            ["reference"] = $"income-{Guid.NewGuid():N}", ["memberId"] = "hh-pz01", ["amountFen"] = 123_457, ["date"] = $"{ThisYear}-01-02",
            ["source"] = "Manual", ["note"] = "鲜刺梨交售",
        }))
            await trade.AssertOk();

        var after = await farmer.GetObject(path);
        Assert.Equal(Source(before, "MemberTrade") + 123_457, Source(after, "MemberTrade"));
        Assert.Equal((long)before["totalFen"]! + 123_457, (long)after["totalFen"]!);
        var people = (int)after["people"]!;
        Assert.Equal((long)after["totalFen"]! / people, (long)after["perCapitaFen"]!);
        Assert.Equal(("national", 2021, 600_000L), ((string?)after["line"]!["authority"], (int)after["line"]!["year"]!, (long)after["line"]!["perPersonFen"]!));
        Assert.Equal((long)after["totalFen"]! < 600_000L * people, (bool)after["belowLine"]!);
        Assert.True(DateOnly.Parse((string)after["lastSale"]!) >= new DateOnly(ThisYear, 1, 2));   // its latest sale, this one or later
        Assert.All(after["sources"]!.AsArray(), s => Assert.True((bool)s!["platform"]!));
    }

    [Theory]
    [InlineData("county.panzhou", HttpStatusCode.OK)]      // its county (520281)
    [InlineData("operator", HttpStatusCode.OK)]
    [InlineData("county.xiuwen", HttpStatusCode.Forbidden)] // another county
    [InlineData("coop.panzhou", HttpStatusCode.Forbidden)]  // its cooperative sees its trade, not its income
    [InlineData("farmer.cj02", HttpStatusCode.Forbidden)]
    [InlineData("buyer.canteen", HttpStatusCode.Forbidden)]
    public async Task OnlyTheHouseholdItsCountyAndOperatorsReadIt(string user, HttpStatusCode expected)
    {
        var client = await app.As(user);
        using var response = await client.Get($"/api/households/hh-pz01/income/{ThisYear}");
        if (expected == HttpStatusCode.OK) await response.AssertOk();
        else await response.AssertProblem(expected);
    }

    [Fact]
    public async Task AnUnknownHouseholdIsForbiddenToAnOfficerAndNotFoundToAnOperator()
    {
        using (var officer = await (await app.As("county.panzhou")).Get($"/api/households/hh-nobody/income/{ThisYear}"))
            await officer.AssertProblem(HttpStatusCode.Forbidden);
        using (var op = await (await app.As("operator")).Get($"/api/households/hh-nobody/income/{ThisYear}"))
            await op.AssertProblem(HttpStatusCode.NotFound);
        using var anonymous = await app.Anonymous().GetAsync($"/api/households/hh-pz01/income/{ThisYear}", Api.Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task TheHouseholdSeesItsIncomeOnItsPageAndItsCooperativeDoesNot()
    {
        var income = await (await app.As("farmer.pz01")).GetObject($"/api/households/hh-pz01/income/{ThisYear}");
        var own = await (await app.Factory.SignedIn("farmer.pz01")).GetText("/household");
        Assert.Contains("id=\"income\"", own);
        Assert.Contains("data-source=\"MemberTrade\"", own);
        Assert.Contains("¥6,000.00", own);                                      // the line, per person per year
        Assert.Contains($">{ThisYear - 1}年<", own);                             // last year beside this year so far

        var cooperative = await (await app.Factory.SignedIn("coop.panzhou")).GetText("/household?id=hh-pz01");
        Assert.Contains("/household/dividends?id=hh-pz01", cooperative);       // the page itself is there…
        Assert.DoesNotContain("id=\"income\"", cooperative);                  // …without the household's income
        Assert.True((long)income["totalFen"]! >= 0);
    }

    [Theory]
    [InlineData(2013)]
    [InlineData(3000)]
    public async Task AYearOutsideTheRecordIsAProblem(int year)
    {
        using var response = await (await app.As("farmer.pz01")).Get($"/api/households/hh-pz01/income/{year}");
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["year"]);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Dividends;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Quotas;

/// <summary>
/// The demo canteen (buyer-gzcanteen, Guangzhou: 30% floor) and its quota. Each test that declares uses a year of its
/// own, so the current year's progress (which completed orders feed) is left alone.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class QuotaApiTests(SeededApp app)
{
    private const string Canteen = "/api/buyers/buyer-gzcanteen/quota";

    [Fact]
    public async Task CanteenDeclaresItsBudgetAndSeesItsQuota()
    {
        var canteen = await app.As("buyer.canteen");

        using var put = await canteen.SendJson(HttpMethod.Put, Canteen + "/2025", new JsonObject
        {
            ["canteenFoodBudgetFen"] = 120_000_000, ["canteen"] = "Caterer", ["catererName"] = "广州穗膳餐饮管理有限公司",
        });
        var declared = await put.AssertOk();
        var read = await canteen.GetObject(Canteen + "/2025");

        Assert.True((bool)declared["declared"]!);
        Assert.Equal(3000, (int)declared["reserveRateBasisPoints"]!);
        Assert.Equal(36_000_000, (long)declared["quotaFen"]!);
        Assert.Equal(36_000_000, (long)declared["remainingFen"]!);
        Assert.Equal("44", (string?)declared["floor"]!["regionPrefix"]);
        Assert.Equal("Caterer", (string?)declared["canteen"]);
        Assert.Equal(0, (int)declared["progressBasisPoints"]!);
        Assert.Equal(declared.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task ProgressHasTheTwelveMonthsWithTheirRunningTotal()
    {
        var canteen = await app.As("buyer.canteen");

        var progress = await canteen.GetObject(Canteen);
        var undeclared = await canteen.GetObject(Canteen + "/2021");

        var months = progress["months"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 12), months.Select(m => (int)m!["month"]!));
        var running = 0L;
        foreach (var m in months)
        {
            var counted = (long)m!["ownFen"]! + (long)m["unionFen"]! + (long)m["employeeFen"]!;
            Assert.Equal(counted, (long)m["countedFen"]!);
            running += counted;
            Assert.Equal(running, (long)m["cumulativeFen"]!);
        }
        // Every counted purchase is in a month, or said not to be.
        Assert.Equal((long)progress["countedFen"]!, running + (long)progress["notByMonthFen"]!);
        Assert.Equal((int)progress["purchases"]!, months.Sum(m => (int)m!["purchases"]!) + (int)progress["notByMonthPurchases"]!);
        Assert.True(progress.ContainsKey("monthsRecordedFrom"));
        Assert.All(undeclared["months"]!.AsArray(), m => Assert.Equal(0, (long)m!["cumulativeFen"]!));
    }

    [Fact]
    public async Task OnlyTheUnitsOwnAccountsAndOperatorsSeeOrDeclareIt()
    {
        var body = new JsonObject { ["canteenFoodBudgetFen"] = 1_000_000 };
        foreach (var stranger in new[] { "buyer.union", "buyer.consumer", "ent.qianfeng", "coop.panzhou" })
        {
            var client = await app.As(stranger);
            using var get = await client.Get(Canteen + "/2024");
            using var put = await client.SendJson(HttpMethod.Put, Canteen + "/2024", body);
            await get.AssertProblem(HttpStatusCode.Forbidden);
            await put.AssertProblem(HttpStatusCode.Forbidden);
        }
        using var anonymous = await app.Anonymous().Get(Canteen + "/2024");
        await anonymous.AssertProblem(HttpStatusCode.Unauthorized);

        var progress = await (await app.As("operator")).GetObject(Canteen + "/2024");
        Assert.False((bool)progress["declared"]!);
        Assert.Equal(3000, (int)progress["reserveRateBasisPoints"]!);
    }

    [Fact]
    public async Task CurrentYearIsTheChinaCalendarYear()
    {
        var canteen = await app.As("buyer.canteen");

        var progress = await canteen.GetObject(Canteen);

        Assert.Equal(DividendHelpers.ChinaToday.Year, (int)progress["year"]!);
        Assert.Equal("buyer-gzcanteen", (string?)progress["buyerId"]);
    }

    [Fact]
    public async Task RateBelowGuangdongsFloorIsUnprocessableAndChangesNothing()
    {
        var canteen = await app.As("buyer.canteen");
        var before = await canteen.Snapshot(Canteen + "/2023");

        using var put = await canteen.SendJson(HttpMethod.Put, Canteen + "/2023",
            new JsonObject { ["canteenFoodBudgetFen"] = 1_000_000, ["reserveRateBasisPoints"] = 1500 });

        Assert.Equal("quota.rate-below-floor", (await put.AssertProblem(HttpStatusCode.UnprocessableEntity)).Code());
        Assert.Equal(before, await canteen.Snapshot(Canteen + "/2023"));
    }

    [Fact]
    public async Task AUnionHasNoQuotaOfItsOwn()
    {
        var union = await app.As("buyer.union");

        using var put = await union.SendJson(HttpMethod.Put, "/api/buyers/buyer-gzunion/quota/2025", new JsonObject { ["canteenFoodBudgetFen"] = 1_000_000 });
        using var get = await union.Get("/api/buyers/buyer-gzunion/quota/2025");

        Assert.Equal("quota.not-budget-unit", (await put.AssertProblem(HttpStatusCode.UnprocessableEntity)).Code());
        Assert.Equal("quota.not-budget-unit", (await get.AssertProblem(HttpStatusCode.UnprocessableEntity)).Code());
    }

    [Theory]
    [InlineData("2022", """{"canteenFoodBudgetFen":0}""", "canteenFoodBudgetFen")]
    [InlineData("2022", """{"canteenFoodBudgetFen":1000,"reserveRateBasisPoints":10001}""", "reserveRateBasisPoints")]
    [InlineData("2022", """{"canteenFoodBudgetFen":1000,"canteen":"Caterer"}""", "catererName")]
    [InlineData("2022", """{"canteenFoodBudgetFen":1000,"catererName":"某餐饮公司"}""", "catererName")]
    [InlineData("1999", """{"canteenFoodBudgetFen":1000}""", "year")]
    [InlineData("2999", """{"canteenFoodBudgetFen":1000}""", "year")]
    public async Task MalformedDeclarationsAreBadRequests(string year, string json, string field)
    {
        var canteen = await app.As("buyer.canteen");

        using var put = await canteen.SendJson(HttpMethod.Put, $"{Canteen}/{year}", json);

        await put.AssertValidationProblem(field);
    }

    [Fact]
    public async Task UnreadableBodiesAndUnknownBuyersAreProblems()
    {
        var canteen = await app.As("buyer.canteen");
        var admin = await app.As("operator");

        using var malformed = await canteen.SendJson(HttpMethod.Put, Canteen + "/2022", """{"canteenFoodBudgetFen":"lots"}""");
        using var unknownCanteenMode = await canteen.SendJson(HttpMethod.Put, Canteen + "/2022", """{"canteenFoodBudgetFen":1000,"canteen":"Buffet"}""");
        using var unknown = await admin.Get("/api/buyers/buyer-nosuchunit/quota/2025");

        await malformed.AssertProblem(HttpStatusCode.BadRequest);
        await unknownCanteenMode.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal("buyer.not-found", (await unknown.AssertProblem(HttpStatusCode.NotFound)).Code());
    }
}

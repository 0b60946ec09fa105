using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Monitoring;

/// <summary>
/// Issue 19: the income the platform cannot see (wages, transfers, other production) and the year's rigid expenses,
/// declared by the household or its county's officer, audited with the change and shown beside the recorded sources.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class DeclaredIncomeApiTests(SeededApp app)
{
    private static readonly int LastYear = DateTime.UtcNow.AddHours(8).Year - 1;

    private static long Source(JsonObject income, string source) =>
        (long?)income["sources"]!.AsArray().SingleOrDefault(s => (string?)s!["source"] == source)?["fen"] ?? 0;

    private static JsonObject Figures(long wages, long medical) => new()
    {
        ["wagesFen"] = wages, ["transfersFen"] = 120_000, ["otherProductionFen"] = 0, ["medicalFen"] = medical, ["educationFen"] = 50_000,
        ["disasterLossFen"] = 0, ["note"] = "外出务工 8 个月",
    };

    [Fact]
    public async Task ADeclarationAddsItsSourcesAndExpensesToTheYearAndReplacesTheEarlierOne()
    {
        var farmer = await app.As("farmer.pz01");
        var path = $"/api/households/hh-pz01/income/{LastYear}";
        using (var first = await farmer.SendJson(HttpMethod.Put, path + "/declared", Figures(3_000_000, 800_000)))
            await first.AssertOk();
        var officer = await app.As("county.panzhou");
        using (var second = await officer.SendJson(HttpMethod.Put, path + "/declared", Figures(2_400_000, 900_000)))
            Assert.StartsWith("county.panzhou", (string?)(await second.AssertOk())["declaredBy"]);

        var income = await farmer.GetObject(path);
        Assert.Equal(2_400_000, Source(income, "Wages"));                 // replaced, not added
        Assert.Equal(120_000, Source(income, "Transfers"));
        Assert.DoesNotContain(income["sources"]!.AsArray(), s => (string?)s!["source"] == "OtherProduction");   // a zero line is left out
        Assert.False((bool)income["sources"]!.AsArray().Single(s => (string?)s!["source"] == "Wages")!["platform"]!);
        Assert.Equal(Source(income, "MemberTrade") + Source(income, "Dividends") + 2_520_000, (long)income["totalFen"]!);
        Assert.Equal(950_000, (long)income["expensesTotalFen"]!);
        Assert.Equal(900_000, (long?)income["expenses"]!.AsArray().Single(e => (string?)e!["kind"] == "Medical")!["fen"]);

        var entries = await (await app.As("operator")).GetArray($"/api/audit?resourceType=household-income&resourceId=hh-pz01:{LastYear}");
        Assert.Equal(["household.income-declared", "household.income-declared"], entries.Take(2).Select(e => (string?)e!["action"]));
        Assert.StartsWith("county.panzhou", (string?)entries[0]!["actor"]);
        Assert.Equal(3_000_000, (long)JsonNode.Parse((string)entries[0]!["before"]!)!["figures"]!["wagesFen"]!);
        Assert.Equal(2_400_000, (long)JsonNode.Parse((string)entries[0]!["after"]!)!["figures"]!["wagesFen"]!);

        var page = await (await app.Factory.SignedIn("farmer.pz01")).GetText("/household");
        Assert.Contains("data-source=\"Wages\" data-declared=\"True\"", page);
        Assert.Contains("data-expense=\"Medical\"", page);
        Assert.Contains("¥24,000.00", page);
    }

    [Theory]
    [InlineData("wagesFen", -1L)]
    [InlineData("medicalFen", 1_000_000_001L)]
    public async Task AnAmountOutOfRangeIsAProblemAndChangesNothing(string field, long fen)
    {
        var farmer = await app.As("farmer.pz01");
        var path = $"/api/households/hh-pz01/income/{LastYear - 1}";
        var before = await farmer.GetObject(path);
        var figures = Figures(100, 100);
        figures[field] = fen;
        using var response = await farmer.SendJson(HttpMethod.Put, path + "/declared", figures);
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before.ToJsonString(), (await farmer.GetObject(path)).ToJsonString());
    }

    [Theory]
    [InlineData("county.xiuwen")]
    [InlineData("coop.panzhou")]
    [InlineData("farmer.cj02")]
    public async Task OnlyTheHouseholdItsCountyAndOperatorsDeclare(string user)
    {
        using var response = await (await app.As(user)).SendJson(HttpMethod.Put, $"/api/households/hh-pz01/income/{LastYear}/declared", Figures(1, 1));
        await response.AssertProblem(HttpStatusCode.Forbidden);
    }
}

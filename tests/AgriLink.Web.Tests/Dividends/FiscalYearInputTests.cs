using System.Net;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Dividends;

/// <summary>Years and dates outside what a fiscal year can be are the caller's mistake: 4xx problems, never 500.</summary>
[Collection(SeededAppCollection.Name)]
public sealed class FiscalYearInputTests(SeededApp app)
{
    [Theory]
    [InlineData("/api/cooperatives/coop-pzcili/dividends/-1")]
    [InlineData("/api/cooperatives/coop-pzcili/dividends/0")]
    [InlineData("/api/cooperatives/coop-pzcili/dividends/99999")]
    [InlineData("/api/cooperatives/coop-pzcili/trade/-1")]
    public async Task YearOutsideTheCalendarIsNotFound(string path)
    {
        var admin = await app.As("coop.panzhou");

        using var response = await admin.Get(path);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TradeDatedAtTheEndOfTheCalendarIsRefusedAndChangesNothing()
    {
        var admin = await app.As("coop.panzhou");
        var before = await admin.Snapshot("/api/cooperatives/coop-pzcili/trade/2026");

        using var response = await admin.SendJson(HttpMethod.Post, "/api/cooperatives/coop-pzcili/trade/2026",
            """{"reference":"far-future","memberId":"hh-pz01","amountFen":100,"date":"9999-12-31","source":"Manual"}""");

        await response.AssertValidationProblem("date");
        Assert.Equal(before, await admin.Snapshot("/api/cooperatives/coop-pzcili/trade/2026"));
    }
}

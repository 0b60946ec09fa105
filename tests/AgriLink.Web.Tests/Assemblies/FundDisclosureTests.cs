using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AgriLink.Web.Tests.Dividends;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Assemblies;

/// <summary>
/// The fiscal-fund disclosure (资金变股金公示): anyone reads, per county, per village and per fund, where each fund came
/// from and what its shares earned — the same fen as the fund trace the cooperative's admins see — with holders' names
/// masked; only the cooperative's admins register a fund, and a refused one changes nothing.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed partial class FundDisclosureTests(SeededApp app)
{
    private const string Fund = "/board/coop-pzcili/funds/fund-pz-2017";

    [Fact]
    public async Task TheCountysDisclosureShowsTheDemoFundWithItsSourceDocumentAndYears()
    {
        using var response = await app.Anonymous().GetAsync("/board/funds/520281", Api.Ct);
        var html = await response.Content.ReadAsStringAsync(Api.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("public", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var card = Regex.Match(html, "<article class=\"card fund\" data-fund=\"fund-pz-2017\">.*?</article>", RegexOptions.Singleline).Value;
        Assert.Contains("中央财政专项扶贫资金（产业发展）", card, StringComparison.Ordinal);
        Assert.Contains("盘财农〔2017〕28号", card, StringComparison.Ordinal);
        Assert.Contains("¥160,000.00", card, StringComparison.Ordinal); // 8 households' shares of ¥20,000
        Assert.Contains("href=\"/board/coop-pzcili\"", card, StringComparison.Ordinal);
        Assert.Matches(@"<td>2025</td><td>8</td>", card);
        Assert.DoesNotContain("hh-pz", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFundsPageShowsEveryHolderMaskedAndTheSameFenAsTheFundTrace()
    {
        var html = await app.Anonymous().GetStringAsync(Fund, Api.Ct);
        var holders = Holder().Matches(html).Select(m => (Name: m.Groups["name"].Value, Fen: Fen(m.Groups["paid"].Value))).ToList();
        Assert.Equal(8, holders.Count);
        Assert.All(holders, h => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{1,2}\*+\p{IsCJKUnifiedIdeographs}?户?$", h.Name));
        Assert.DoesNotContain("hh-pz", html, StringComparison.Ordinal);

        // The cooperative's own trace of the fund (its admins' view, every component) sums to the same fen.
        var trace = await (await app.As("coop.panzhou")).GetObject("/api/cooperatives/coop-pzcili/dividends/2025/funds/fund-pz-2017");
        var year = Regex.Match(html, @"<td>2025</td><td>8</td>\s*<td>¥(?<paid>[\d,]+\.\d{2})\s*(?:<br /><small>(?<owed>[^<]*)</small>)?").Groups;
        Assert.True(year["paid"].Success, "the fund's 2025 earnings are shown");
        Assert.Equal((long)trace["totalFen"]!, Fen(year["paid"].Value) + (year["owed"].Success ? Fen(year["owed"].Value) : 0));
        Assert.Equal(Fen(year["paid"].Value), holders.Sum(h => h.Fen));
    }

    [Fact]
    public async Task TheVillageBoardShowsItsFundsAndTheCollectivesIncome()
    {
        var html = await app.Anonymous().GetStringAsync("/board/village/520281/" + Uri.EscapeDataString("舍烹村"), Api.Ct);
        var funds = Regex.Match(html, "<section aria-labelledby=\"funds\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("data-fund=\"fund-pz-2017\"", funds, StringComparison.Ordinal);
        var collective = Regex.Match(html, "<section aria-labelledby=\"collective\">.*?</section>", RegexOptions.Singleline).Value;
        var received = Regex.Match(collective, @"<tr><td>2025</td><td>¥(?<fen>[\d,]+\.\d{2})</td></tr>");
        Assert.True(received.Success, "the collective's 2025 income is on the village board");

        // At least what the demo cooperative's plan gives the village collective (other cooperatives of the village may add).
        var lines = await (await app.As("coop.panzhou")).AllLines("coop-pzcili", 2025);
        var demo = lines.Where(l => ((string)l["shareholderId"]!).StartsWith("vc-", StringComparison.Ordinal)).Sum(l => (long)l["paidFen"]!);
        Assert.True(demo > 0);
        Assert.True(Fen(received.Groups["fen"].Value) >= demo, $"{received.Groups["fen"].Value} < {demo} fen");
    }

    [Fact]
    public async Task TheCooperativesAdminRegistersAFundThatTheBoardsThenDisclose()
    {
        var id = "fund-t" + Guid.NewGuid().ToString("N")[..8];
        var admin = await app.As("coop.panzhou");
        using (var response = await admin.PutAsJsonAsync($"/api/cooperatives/coop-pzcili/funds/{id}",
                   new { source = "省级财政衔接资金", documentNo = "黔财农〔2024〕9号", amountFen = 12_345_600, year = 2024, purpose = "冷库建设折股" }, Api.Ct))
        {
            var fund = await response.AssertOk();
            Assert.Equal(12_345_600, (long)fund["fund"]!["amountFen"]!);
            Assert.Equal("coop.panzhou", (string?)fund["registeredBy"]);
        }

        var page = await app.Anonymous().GetStringAsync($"/board/coop-pzcili/funds/{id}", Api.Ct);
        Assert.Contains("黔财农〔2024〕9号", page, StringComparison.Ordinal);
        Assert.Contains("¥123,456.00", page, StringComparison.Ordinal);
        var listed = await admin.GetArray("/api/cooperatives/coop-pzcili/funds");
        Assert.Contains(listed, f => (string?)f!["fundId"] == id);
        var audit = await (await app.As("operator")).GetArray($"/api/audit?resourceType=fiscal-fund&resourceId=coop-pzcili:{id}&limit=10");
        Assert.Contains(audit, e => (string?)e!["action"] == "fund.registered");
    }

    [Fact]
    public async Task OnlyTheCooperativesAdminsRegisterAndABadFundChangesNothing()
    {
        var id = "fund-t" + Guid.NewGuid().ToString("N")[..8];
        var path = $"/api/cooperatives/coop-pzcili/funds/{id}";
        var good = new { source = "省级财政衔接资金", documentNo = "黔财农〔2024〕9号", amountFen = 100_000, year = 2024 };

        using (var anonymous = await app.Anonymous().PutAsJsonAsync(path, good, Api.Ct))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var other = await (await app.As("coop.xiuwen")).PutAsJsonAsync(path, good, Api.Ct))
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using (var household = await (await app.As("farmer.pz01")).PutAsJsonAsync(path, good, Api.Ct))
            Assert.Equal(HttpStatusCode.Forbidden, household.StatusCode);
        using (var bad = await (await app.As("coop.panzhou")).PutAsJsonAsync(path,
                   new { source = " ", documentNo = "", amountFen = 0, year = 1999 }, Api.Ct))
            await bad.AssertValidationProblem("source", "documentNo", "amountFen", "year");
        using (var unknown = await (await app.As("operator")).PutAsJsonAsync("/api/cooperatives/coop-nowhere/funds/" + id, good, Api.Ct))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var page = await app.Anonymous().GetAsync($"/board/coop-pzcili/funds/{id}", Api.Ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(await (await app.As("coop.panzhou")).GetArray("/api/cooperatives/coop-pzcili/funds"), f => (string?)f!["fundId"] == id);
    }

    [Theory]
    [InlineData("/board/funds/999999")]
    [InlineData("/board/funds/52028")]
    [InlineData("/board/coop-pzcili/funds/fund-nowhere")]
    [InlineData("/board/coop-nowhere/funds/fund-pz-2017")]
    public async Task NoDisclosureForWhatDoesNotExist(string path)
    {
        using var response = await app.Anonymous().GetAsync(path, Api.Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static long Fen(string yuan)
    {
        var digits = Regex.Replace(yuan, @"[^\d]", "");
        return long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"<tr><td>(?<name>[^<]+)</td><td>¥(?<paid>[\d,]+\.\d{2})")]
    private static partial Regex Holder();
}

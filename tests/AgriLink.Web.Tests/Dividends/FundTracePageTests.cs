using System.Net;
using System.Text.RegularExpressions;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Dividends;

/// <summary>
/// The cooperative's fund trace page: the demo's fiscal fund fund-pz-2017 through coop-pzcili's 2025 distribution, every
/// fen of it shareholder by shareholder with its ledger key, the same as the API's trace; only the cooperative's admins see it.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed partial class FundTracePageTests(SeededApp app)
{
    private const string Path = "/cooperative/funds/fund-pz-2017/2025";

    [Fact]
    public async Task TheTracePageShowsEveryFenTheFundsSharesEarnedWithItsLedgerKey()
    {
        var trace = await (await app.As("coop.panzhou")).GetObject("/api/cooperatives/coop-pzcili/dividends/2025/funds/fund-pz-2017");
        var page = await app.Factory.SignedIn("coop.panzhou");

        var html = await page.GetText(Path);

        var fen = LineFen().Matches(html).Select(m => long.Parse(m.Groups["fen"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(fen);
        Assert.Equal(trace["dividends"]!.AsArray().Count, fen.Count);
        Assert.Equal((long)trace["totalFen"]!, fen.Sum());
        Assert.Equal(fen.Count, Regex.Matches(html, "class=\"ledger-key\">[^<]+<").Count);
        Assert.Contains("/cooperative/funds/fund-pz-2017/2025?coop=coop-pzcili", await page.GetText("/cooperative/funds"));
    }

    [Fact]
    public async Task AnotherCooperativesAdminCannotOpenTheTrace()
    {
        var other = await app.Factory.SignedIn("coop.xiuwen");
        using var response = await other.Get(Path + "?coop=coop-pzcili");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("ledger-key", await response.Content.ReadAsStringAsync(Api.Ct));
    }

    [GeneratedRegex("""class="trace-line" data-holding="[^"]*" data-fen="(?<fen>-?\d+)""")]
    private static partial Regex LineFen();
}

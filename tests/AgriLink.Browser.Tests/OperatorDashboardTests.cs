using System.Globalization;
using System.Text;
using AgriLink.Browser.Tests.Infrastructure;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Households;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Common;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Households;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Quotas;
using AgriLink.Grains.Shares;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// The operator dashboard's charts against figures the test works out itself from the grains (orders and their lines,
/// households, member trade, dividend declarations, the canteen's quota), and its exports.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class OperatorDashboardTests(BrowserApp app)
{
    private static readonly OrderStatus[] Sales = [OrderStatus.Placed, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed];

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task EveryChartShowsTheGrainsFigures(int width)
    {
        var (context, page) = await app.SignedIn("operator", width);
        await page.GotoAsync("/operator");
        var expected = await Expected();

        var sales = await Bars(page, "#sales-chart", "county");
        Assert.Equal(expected.Sales.Keys.Order(), sales.Keys.Order());
        foreach (var (county, (total, _)) in expected.Sales)
            Assert.Equal(total.ToString(CultureInfo.InvariantCulture), sales[county]["salesFen"]);
        var certifiedBars = await Bars(page, "#certified-chart", "county");
        foreach (var (county, (total, certified)) in expected.Sales)
        {
            Assert.Equal(total.ToString(CultureInfo.InvariantCulture), certifiedBars[county]["salesFen"]);
            Assert.Equal(certified.ToString(CultureInfo.InvariantCulture), certifiedBars[county]["certifiedFen"]);
        }
        Assert.True(expected.Sales["522633"].Certified > 0, "the union's completed order from 从江 is all certified products");

        var households = await Bars(page, "#households-chart", "county");
        Assert.Equal(expected.Households.Keys.Order(), households.Keys.Order());
        foreach (var (county, h) in expected.Households)
        {
            var bar = households[county];
            Assert.Equal((h.Poor, h.Reached, h.Sales, h.Paid, h.OnNotice),
                (int.Parse(bar["poor"]), int.Parse(bar["reached"]), long.Parse(bar["salesIncomeFen"]),
                    long.Parse(bar["dividendsPaidFen"]), long.Parse(bar["dividendsNoticeFen"])));
        }
        Assert.True(expected.Households["522633"].Sales > 0, "从江's poor producers sold through the union's order");
        Assert.True(expected.Households["520281"].OnNotice > 0, "舍烹's 2025 dividends are on public notice");
        Assert.Equal($"{expected.Households.Values.Sum(h => h.Reached)} / {expected.Households.Values.Sum(h => h.Poor)}",
            await page.Locator("#figure-reached").InnerTextAsync());

        var quotas = await Bars(page, "#quota-chart", "buyer");
        var canteen = quotas["buyer-gzcanteen"];
        Assert.Equal((expected.Canteen.QuotaFen, expected.Canteen.CountedFen, expected.Canteen.Met),
            (long.Parse(canteen["quotaFen"]), long.Parse(canteen["countedFen"]), bool.Parse(canteen["met"])));
        Assert.True(expected.Canteen.CountedFen > 0, "the union's certified purchase counts toward the canteen");
        Assert.Equal(1, await page.Locator("#quota-chart .bar[data-buyer=buyer-gzcanteen] line.target").CountAsync());

        foreach (var chart in new[] { "#sales-chart", "#certified-chart", "#households-chart", "#quota-chart" })
        {
            Assert.False(string.IsNullOrWhiteSpace(await page.Locator($"{chart} > title").TextContentAsync()), chart);
            Assert.False(string.IsNullOrWhiteSpace(await page.Locator($"{chart} > desc").TextContentAsync()), chart);
        }
        Assert.Equal(households.Count, await page.Locator("#households-table tbody tr").CountAsync());
        Assert.Equal(quotas.Count, await page.Locator("#quota-table tbody tr").CountAsync());
        await page.Screenshot("operator-dashboard-charts");
        await context.CloseAsync();
    }

    [Fact]
    public async Task HouseholdAndQuotaTablesExportAsCsvWithBomAndXlsx()
    {
        var (context, page) = await app.SignedIn("operator", 1280);
        await page.GotoAsync("/operator");
        var expected = await Expected();

        var csv = await page.DownloadFile("#export-households-csv", "poor-households.csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("县级代码,县,脱贫户与监测户,受益户数,销售收入（元）,已发放分红（元）,公示中分红（元）,已到手收入（元）", lines[0]);
        Assert.Equal(expected.Households.Count + 1, lines.Length);
        var congjiang = expected.Households["522633"];
        Assert.Contains($"522633,从江县,{congjiang.Poor},{congjiang.Reached},{Yuan(congjiang.Sales)},{Yuan(congjiang.Paid)},{Yuan(congjiang.OnNotice)},{Yuan(congjiang.Sales + congjiang.Paid)}", lines);

        var xlsx = await page.DownloadFile("#export-households-xlsx", "poor-households.xlsx");
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(expected.Households.Count, rows.Count);
        var row = rows.Single(r => (string)r["县级代码"] == "520281");
        Assert.Equal(Yuan(expected.Households["520281"].OnNotice), row["公示中分红（元）"]);

        var quotaCsv = await page.DownloadFile("#export-quotas-csv", "quota-compliance.csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, quotaCsv[..3]);
        var quotaLines = Encoding.UTF8.GetString(quotaCsv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("预算单位编号,预算单位,年度,已申报,", quotaLines[0]);
        var canteen = quotaLines.Single(l => l.StartsWith("buyer-gzcanteen,", StringComparison.Ordinal)).Split(',');
        Assert.Equal((Yuan(expected.Canteen.QuotaFen), Yuan(expected.Canteen.CountedFen), expected.Canteen.Met ? "是" : "否"),
            (canteen[6], canteen[7], canteen[9]));
        var quotaRows = new MemoryStream(await page.DownloadFile("#export-quotas-xlsx", "quota-compliance.xlsx"))
            .Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(quotaLines.Length - 1, quotaRows.Count);
        Assert.Equal(Yuan(expected.Canteen.CountedFen), quotaRows.Single(r => (string)r["预算单位编号"] == "buyer-gzcanteen")["认定产品采购（元）"]);
        await context.CloseAsync();
    }

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Each bar's data attributes (camel-cased, as <c>dataset</c> gives them) by the value of its key attribute.</summary>
    private static async Task<Dictionary<string, Dictionary<string, string>>> Bars(IPage page, string chart, string key)
    {
        var bars = await page.Locator($"{chart} .bar").EvaluateAllAsync<Dictionary<string, string>[]>(
            "els => els.map(e => Object.fromEntries(Object.entries(e.dataset)))");
        return bars.ToDictionary(b => b[key]);
    }

    private sealed record HouseholdFigures(int Poor, int Reached, long Sales, long Paid, long OnNotice);

    private sealed record ExpectedFigures(
        Dictionary<string, (long Total, long Certified)> Sales, Dictionary<string, HouseholdFigures> Households, QuotaProgress Canteen);

    private async Task<ExpectedFigures> Expected()
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var year = app.Services.GetRequiredService<TimeProvider>().Today().Year;
        var lists = app.Services.GetRequiredService<DirectoryQueries>();
        var cooperatives = (await lists.Cooperatives(null, new PageRequest(0, PageRequest.MaxLimit, null))).Items;

        var sales = new Dictionary<string, (long Total, long Certified)>();
        var trade = new List<TradeRecord>();
        var dividends = new List<(DeclarationStatus Status, DividendLine Line)>();
        foreach (var coop in cooperatives)
        {
            var (total, certified) = sales.GetValueOrDefault(coop.CountyCode);
            foreach (var summary in await app.Services.GetRequiredService<OrderQueries>().AllOfCooperative(coop.Id, null))
            {
                var sub = (await grains.GetGrain<IOrderGrain>(summary.OrderId).Get()).SubOrders.Single(s => s.CooperativeId == coop.Id);
                if (!Sales.Contains(sub.Status)) continue;
                total += sub.AmountFen;
                certified += sub.Lines.Where(l => l.Reserved.PovertyCertified).Sum(l => l.Reserved.AmountFen);
            }
            sales[coop.CountyCode] = (total, certified);
            for (var y = year - 1; y <= year + 1; y++)
                trade.AddRange(await grains.GetGrain<IMemberTradeGrain>(new CooperativeYear(coop.Id, y).ToString()).Records());
            foreach (var declared in await grains.GetGrain<IShareRegisterGrain>(coop.Id).DeclaredYears())
            {
                var declaration = grains.GetGrain<IDividendDeclarationGrain>(new CooperativeYear(coop.Id, declared).ToString());
                var view = await declaration.Get();
                dividends.AddRange((await declaration.Lines(0, view.LineCount)).Select(l => (view.Declaration.Status, l)));
            }
        }

        var poor = new Dictionary<string, string>();
        foreach (var entry in (await lists.Households(null, null, null, new PageRequest(0, PageRequest.MaxLimit, null))).Items)
        {
            var household = await grains.GetGrain<IHouseholdGrain>(entry.Id).Get();
            if (household.Status != PovertyStatus.NotPoor) poor[household.Id] = household.Profile.CountyCode;
        }
        var households = new Dictionary<string, HouseholdFigures>();
        foreach (var county in poor.Values.Distinct())
        {
            var ids = poor.Where(p => p.Value == county).Select(p => p.Key).ToHashSet();
            long SalesOf(string id) => trade.Where(t => t.MemberId == id && t.Source == TradeSource.Marketplace).Sum(t => t.AmountFen);
            long DividendsOf(string id, DeclarationStatus status) =>
                dividends.Where(d => d.Line.ShareholderId == id && d.Status == status).Sum(d => d.Line.PaidFen);
            households[county] = new(ids.Count,
                ids.Count(id => SalesOf(id) + DividendsOf(id, DeclarationStatus.Paid) + DividendsOf(id, DeclarationStatus.Publicised) > 0),
                ids.Sum(SalesOf), ids.Sum(id => DividendsOf(id, DeclarationStatus.Paid)), ids.Sum(id => DividendsOf(id, DeclarationStatus.Publicised)));
        }

        var canteen = await grains.GetGrain<IBuyerQuotaGrain>(new BuyerYear("buyer-gzcanteen", year).ToString()).Progress();
        return new(sales, households, canteen);
    }
}

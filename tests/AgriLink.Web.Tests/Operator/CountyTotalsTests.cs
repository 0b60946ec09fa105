using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Households;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Projections;
using AgriLink.Storage.Projections;
using AgriLink.Web.Pages.Operator;
using AgriLink.Web.Tests.Infrastructure;
using AgriLink.Web.Tests.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Operator;

/// <summary>
/// The dashboard's county totals, kept as rows by delta in each change's transaction, equal the figures computed from
/// scratch over the projections (the GROUP BYs and household arithmetic the page ran before) after every kind of change
/// that moves them, and equal what a rebuild makes again.
/// </summary>
public sealed class CountyTotalsTests
{
    [Fact]
    public async Task CountyTotalsEqualARecomputationAfterEveryChangeAndARebuild()
    {
        using var folder = new TempFolder();
        await using var app = PostgresApps.Start(folder.Path, PostgresApps.Settings(database: null, seedDemo: true));
        await EveryChangeKeepsTheTotalsEqualToARecomputation(app);
    }

    /// <summary>The same on PostgreSQL (its dialect, its locks, its transactions).</summary>
    [Fact]
    public async Task CountyTotalsEqualARecomputationAfterEveryChangeAndARebuildOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var folder = new TempFolder();
        await using var app = PostgresApps.Start(folder.Path, PostgresApps.Settings(database, seedDemo: true));
        await EveryChangeKeepsTheTotalsEqualToARecomputation(app);
    }

    private static async Task EveryChangeKeepsTheTotalsEqualToARecomputation(AgriLinkFactory app)
    {
        var impact = app.Services.GetRequiredService<ImpactQueries>();
        var signIn = new DemoSignIn(app);
        var platform = await signIn.As("operator");
        var coop = await signIn.As("coop.panzhou");
        var buyer = await signIn.As("buyer.canteen");

        // The seeded demo: sales, certified listings, poor households with sales and dividends.
        var seeded = await AssertTotalsMatch(impact);
        Assert.Contains(seeded.Counties, c => c.Orders > 0 && c.SalesFen > 0 && c.CertifiedListings > 0);
        Assert.Contains(seeded.Households, h => h.DividendsPaidFen + h.DividendsOnNoticeFen > 0);

        // A listing published, then certified: on sale, then certified, in its cooperative's county.
        var listing = await PostgresApps.ActiveListing(coop);
        var before = Panzhou(await AssertTotalsMatch(impact));
        using (var grant = await platform.SendJson(HttpMethod.Post, $"/api/listings/{listing}/certifications/poverty",
            new JsonObject { ["certificateNumber"] = "黔扶认〔2026〕0999号", ["approvedOn"] = "2026-05-20" }))
            await grant.AssertOk();
        var certified = Panzhou(await AssertTotalsMatch(impact));
        Assert.Equal((before.Listings, before.CertifiedListings + 1), (certified.Listings, certified.CertifiedListings));

        // An invoice order placed counts at once; shipped and delivered it counts once still; a cancelled one not at all.
        var order = await PostgresApps.PlaceOrder(buyer, listing, quantity: 10);
        var placed = Panzhou(await AssertTotalsMatch(impact));
        Assert.Equal((certified.Orders + 1, certified.SalesFen + 6_500, certified.CertifiedSalesFen + 6_500),
            (placed.Orders, placed.SalesFen, placed.CertifiedSalesFen));
        foreach (var (step, by) in new[] { ("ship", coop), ("deliver", buyer) })
        {
            using var moved = await by.Post($"/api/orders/{order}/suborders/coop-pzcili/{step}");
            await moved.AssertOk();
            var now = Panzhou(await AssertTotalsMatch(impact));
            Assert.Equal((placed.Orders, placed.SalesFen), (now.Orders, now.SalesFen));
        }

        var cancelled = await PostgresApps.PlaceOrder(buyer, listing, quantity: 5);
        Assert.Equal(placed.Orders + 1, Panzhou(await AssertTotalsMatch(impact)).Orders);
        using (var cancel = await buyer.SendJson(HttpMethod.Post, $"/api/orders/{cancelled}/cancel", new JsonObject { ["reason"] = "下错单了" }))
            await cancel.AssertOk();
        Assert.Equal(placed.Orders, Panzhou(await AssertTotalsMatch(impact)).Orders);

        // A household put under monitoring joins the poor households of its county; leaving the register, it goes.
        using var registered = await platform.SendJson(HttpMethod.Post, "/api/households", new JsonObject
        {
            ["profile"] = new JsonObject { ["headName"] = "合计测试户", ["countyCode"] = "522633", ["township"] = "丙妹镇", ["village"] = "岜沙村", ["people"] = 4 },
        });
        var household = (string)(await registered.AssertOk(HttpStatusCode.Created))["id"]!;
        var poorBefore = PoorIn(await AssertTotalsMatch(impact), "522633");
        await ChangeStatus(platform, household, PovertyStatus.Monitored);
        Assert.Equal(poorBefore + 1, PoorIn(await AssertTotalsMatch(impact), "522633"));
        await ChangeStatus(platform, household, PovertyStatus.NotPoor);
        Assert.Equal(poorBefore, PoorIn(await AssertTotalsMatch(impact), "522633"));

        // A cooperative that moves to another county takes its members, listings and sales along, and back again.
        var details = await platform.GetObject("/api/cooperatives/coop-pzcili");
        var profile = details["profile"]!.AsObject();
        var home = (string)profile["countyCode"]!;
        foreach (var county in new[] { "520222", home })
        {
            profile["countyCode"] = county;
            using var update = await platform.SendJson(HttpMethod.Put, "/api/cooperatives/coop-pzcili/profile", profile.DeepClone());
            await update.AssertOk();
            await AssertTotalsMatch(impact);
        }

        // A rebuild computes the same rows from scratch.
        var kept = await impact.Totals();
        var report = await app.Services.GetRequiredService<ProjectionRebuilder>().RebuildAsync(null, Api.Ct);
        Assert.True(report.Consistent);
        var rebuilt = await impact.Totals();
        Assert.Equal(kept.Counties, rebuilt.Counties);
        Assert.Equal(kept.Households, rebuilt.Households);
    }

    /// <summary>The running totals equal the figures from scratch: county by county, fen for fen. Returns them.</summary>
    internal static async Task<(IReadOnlyList<CountyTotals> Counties, IReadOnlyList<CountyReach> Households)> AssertTotalsMatch(ImpactQueries impact)
    {
        var totals = await impact.Totals();
        var counties = (await impact.ByCounty([.. Sales.SaleStatuses.Select(s => s.ToString())])).OrderBy(c => c.CountyCode, StringComparer.Ordinal).ToList();
        Assert.Equal(counties, totals.Counties);

        var households = (await impact.HouseholdsOnRegisters()).Select(h => (h.Id, h.CountyCode, Enum.Parse<PovertyStatus>(h.Status)));
        var lines = (await impact.DividendLines([nameof(DeclarationStatus.Publicised), nameof(DeclarationStatus.Paid)]))
            .Select(l => (Enum.Parse<DeclarationStatus>(l.Status), new DividendLine(l.ShareholderId, [], l.PaidFen, 0)));
        var reach = HouseholdIncome.FromSales(households, await impact.MarketplaceSalesOfHouseholdsOnRegisters(), lines);
        Assert.Equal(reach, HouseholdIncome.FromTotals(totals.Households));
        return totals;
    }

    private static CountyTotals Panzhou((IReadOnlyList<CountyTotals> Counties, IReadOnlyList<CountyReach> Households) totals) =>
        Assert.Single(totals.Counties, c => c.CountyCode == "520281");

    private static int PoorIn((IReadOnlyList<CountyTotals> Counties, IReadOnlyList<CountyReach> Households) totals, string county) =>
        totals.Households.SingleOrDefault(h => h.CountyCode == county)?.PoorHouseholds ?? 0;

    private static async Task ChangeStatus(HttpClient platform, string household, PovertyStatus status)
    {
        using var response = await platform.SendJson(HttpMethod.Post, $"/api/households/{household}/poverty-status", new JsonObject
        {
            ["status"] = status.ToString(), ["effectiveOn"] = Dividends.DividendHelpers.ChinaToday.ToString("yyyy-MM-dd"), ["reason"] = "合计测试",
        });
        await response.AssertOk();
    }
}

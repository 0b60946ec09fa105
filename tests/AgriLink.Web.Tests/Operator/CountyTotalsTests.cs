using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Households;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Projections;
using AgriLink.Storage;
using AgriLink.Storage.Projections;
using AgriLink.Web.Pages.Operator;
using AgriLink.Web.Tests.Infrastructure;
using AgriLink.Web.Tests.Postgres;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
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

    /// <summary>
    /// A data folder from before the charter was kept with a declaration's inputs: its lines cannot be projected from the
    /// inputs alone, so the upgrade stores them again with the charter when the silo starts, and the dividends are back.
    /// </summary>
    [Fact]
    public async Task ADeclarationStoredWithoutItsCharterBesideItsInputsGetsItsLinesOnStart()
    {
        using var folder = new TempFolder();
        var settings = PostgresApps.Settings(database: null, seedDemo: true);
        (IReadOnlyList<CountyTotals> Counties, IReadOnlyList<CountyReach> Households) seeded;
        await using (var first = PostgresApps.Start(folder.Path, settings))
        {
            seeded = await AssertTotalsMatch(first.Services.GetRequiredService<ImpactQueries>());
            Assert.Contains(seeded.Households, h => h.DividendsOnNoticeFen > 0);
            // As an older build stored them, and a projection version from before the lines.
            Assert.NotEmpty(await RewriteInputsAsync(first, i => i with { Charter = null }));
            await first.Services.GetRequiredService<AgriLinkDatabase>().SetMetaAsync(ProjectionRebuilder.VersionKey, "3", Api.Ct);
        }

        await using var second = PostgresApps.Start(folder.Path, settings);

        var upgraded = await AssertTotalsMatch(second.Services.GetRequiredService<ImpactQueries>());
        Assert.Equal(seeded.Households, upgraded.Households);
        Assert.All(await RewriteInputsAsync(second, i => i), i => Assert.NotNull(i.Charter));
    }

    /// <summary>Every stored declaration's inputs, changed by <paramref name="change"/> in place; returns them as stored.</summary>
    private static async Task<List<DividendInputsState>> RewriteInputsAsync(AgriLinkFactory app, Func<DividendInputsState, DividendInputsState> change)
    {
        var database = app.Services.GetRequiredService<AgriLinkDatabase>();
        var serializer = app.Services.GetRequiredKeyedService<IGrainStorageSerializer>(StorageNames.Main);
        await using var connection = await database.OpenAsync(Api.Ct);
        var rows = (await connection.QueryAsync<(string GrainId, byte[] Payload)>(
            "SELECT grain_id, payload FROM grain_state WHERE state_name = 'dividend-inputs' AND payload IS NOT NULL")).AsList();
        var stored = new List<DividendInputsState>();
        foreach (var (grainId, payload) in rows)
        {
            var inputs = change(serializer.Deserialize<DividendInputsState>(new BinaryData(payload))!);
            await connection.ExecuteAsync("UPDATE grain_state SET payload = @payload WHERE state_name = 'dividend-inputs' AND grain_id = @grainId",
                new { payload = serializer.Serialize(inputs).ToArray(), grainId });
            stored.Add(inputs);
        }

        return stored;
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

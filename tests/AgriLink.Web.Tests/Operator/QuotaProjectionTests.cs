using System.Globalization;
using AgriLink.Domain.Buyers;
using AgriLink.Domain.Codes;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Quotas;
using AgriLink.Web.Tests.Infrastructure;
using AgriLink.Web.Tests.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Operator;

/// <summary>
/// The dashboard's quota list and counts come from the <c>buyer_quotas</c> projection, written with each quota change:
/// every budget unit's row equals what its quota grain says, declared or not, and the admission queue narrows by status.
/// </summary>
public sealed class QuotaProjectionTests
{
    [Fact]
    public async Task QuotaRowsEqualEachUnitsProgress()
    {
        using var folder = new TempFolder();
        await using var app = PostgresApps.Start(folder.Path, PostgresApps.Settings(database: null, seedDemo: true));
        await RowsFollowTheGrains(app);
    }

    [Fact]
    public async Task QuotaRowsEqualEachUnitsProgressOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var folder = new TempFolder();
        await using var app = PostgresApps.Start(folder.Path, PostgresApps.Settings(database, seedDemo: true));
        await RowsFollowTheGrains(app);
    }

    private static async Task RowsFollowTheGrains(AgriLinkFactory app)
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var impact = app.Services.GetRequiredService<ImpactQueries>();
        var year = DateTime.UtcNow.AddHours(8).Year;
        // Three fresh units: one that declared and met its quota, one that declared and is behind, one that declared nothing.
        var (met, behind, silent) = (await Unit(grains), await Unit(grains), await Unit(grains));
        await Quota(grains, met, year).Declare(new QuotaDeclaration(1_000_000));
        await Quota(grains, met, year).RecordPurchase(new QuotaPurchase("ord-1/coop-a", met, QuotaChannel.Own, 400_000, 500_000, new(year, 1, 15)));
        await Quota(grains, behind, year).Declare(new QuotaDeclaration(50_000_000));
        await Quota(grains, behind, year).RecordPurchase(new QuotaPurchase("ord-2/coop-a", behind, QuotaChannel.Own, 1_000, 1_000, new(year, 1, 15)));

        var rows = await impact.Quotas(year, int.MaxValue);
        var units = rows.First.ToDictionary(u => u.BuyerId, StringComparer.Ordinal);
        Assert.Equal(rows.Units, units.Count);
        var progress = new Dictionary<string, QuotaProgress>(StringComparer.Ordinal);
        foreach (var id in units.Keys) progress[id] = await Quota(grains, id, year).Progress();
        Assert.All(units.Values, u =>
        {
            var p = progress[u.BuyerId];
            Assert.Equal((p.Declared, p.QuotaFen, p.CountedFen, p.OwnFen, p.UnionFen, p.EmployeeFen),
                (u.Declared != 0, u.QuotaFen, u.CountedFen, u.OwnFen, u.UnionFen, u.EmployeeFen));
        });
        Assert.Equal(progress.Values.Count(p => p.Met), rows.Met);
        Assert.True(progress[met].Met);
        Assert.False(progress[behind].Met);
        Assert.Equal((0L, 0L), (units[silent].Declared, units[silent].QuotaFen));
        // Units behind their quota come first, the largest quota first among them.
        var order = rows.First.Select(u => u.BuyerId).ToList();
        Assert.True(order.IndexOf(behind) < order.IndexOf(met));
        Assert.Equal(rows.First.Where(u => !progress[u.BuyerId].Met).OrderByDescending(u => u.QuotaFen).Select(u => u.QuotaFen),
            rows.First.TakeWhile(u => !progress[u.BuyerId].Met).Select(u => u.QuotaFen));

        // The operator's admission queue narrows to one status, a page at a time.
        var directory = app.Services.GetRequiredService<DirectoryQueries>();
        var counts = await directory.AdmissionCounts();
        var approved = await directory.CooperativeAdmissions(null, "Approved", new PageRequest(0, 2, null));
        Assert.Equal(counts["Approved"], approved.Total);
        Assert.All(approved.Items, c => Assert.Equal("Approved", c.Status));
    }

    private static IBuyerQuotaGrain Quota(IGrainFactory grains, string unit, int year) =>
        grains.GetGrain<IBuyerQuotaGrain>(new BuyerYear(unit, year).ToString());

    private static async Task<string> Unit(IGrainFactory grains)
    {
        var id = Domain.Identifiers.Ids.New(Domain.Identifiers.Ids.Buyer);
        var code = UnifiedSocialCreditCode.WithCheckCharacter("11440103" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        await grains.GetGrain<IBuyerGrain>(id).Register(new BuyerProfile("广州市荔湾区测试单位机关食堂", BuyerType.BudgetUnit, "440103", "李测试", "020-81234567", code));
        return id;
    }
}

using AgriLink.Grains.Quotas;
using Xunit;

namespace AgriLink.Grains.Tests.Quotas;

/// <summary>
/// A budget unit's quota by month: each purchase counts once, in the month of its date, and the cumulative total runs
/// from January. A state stored before months were kept shows its earlier purchases as not by month, never spread.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class QuotaMonthsTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task EachPurchaseCountsOnceInItsDatesMonth()
    {
        var unit = await QuotaSamples.RegisterAsync(_client);
        var quota = unit.Quota(_client);
        await quota.Declare(new QuotaDeclaration(1_000_000));

        await quota.RecordPurchase(unit.Own("ord-a/coop-pzcili", 100_000, 120_000));                                   // 1 June
        await quota.RecordPurchase(unit.ByUnion("ord-b/coop-xwkiwi", 50_000, 50_000) with { Date = new(2026, 3, 15) });
        await quota.RecordPurchase(unit.ByEmployee("ord-c/coop-mttea", 20_000, 30_000));                               // 3 June
        await quota.RecordPurchase(unit.Own("ord-d/coop-mttea", 0, 8_000) with { Date = new(2026, 3, 31) });          // nothing certified
        await fixture.Cluster.DeactivateAsync(quota);
        // The same purchase again, even told with another date, changes nothing.
        var progress = await quota.RecordPurchase(unit.Own("ord-a/coop-pzcili", 100_000, 120_000) with { Date = new(2026, 7, 1) });

        var months = progress.Months!;
        Assert.Equal(Enumerable.Range(1, 12), months.Select(m => m.Month));
        Assert.Equal(new QuotaMonth(3, 0, 50_000, 0, 2, 50_000), months[2]);
        Assert.Equal(new QuotaMonth(6, 100_000, 0, 20_000, 2, 170_000), months[5]);
        Assert.Equal(0, months[6].CountedFen);
        Assert.Equal([0, 0, 50_000, 0, 0, 120_000, 0, 0, 0, 0, 0, 0], months.Select(m => m.CountedFen));
        Assert.Equal([0, 0, 50_000, 50_000, 50_000, 170_000, 170_000, 170_000, 170_000, 170_000, 170_000, 170_000],
            months.Select(m => m.CumulativeFen));
        Assert.Equal(progress.CountedFen, months[^1].CumulativeFen);
        Assert.Equal(progress.Purchases, months.Sum(m => m.Purchases));
        Assert.Equal((0, 0, (DateOnly?)null), (progress.NotByMonthFen, progress.NotByMonthPurchases, progress.MonthsRecordedFrom));
        AssertSame(progress, await quota.Progress());
    }

    [Fact]
    public async Task TheLastDayOfTheYearIsDecemberAndTheNextDayTheNextYearsJanuary()
    {
        var unit = await QuotaSamples.RegisterAsync(_client);
        var thisYear = unit.Quota(_client);
        var nextYear = unit.Quota(_client, 2027);

        var december = await thisYear.RecordPurchase(unit.Own("ord-eve/coop-pzcili", 7_000, 7_000) with { Date = new(2026, 12, 31) });
        await GrainAssert.InvalidAsync(() => thisYear.RecordPurchase(unit.Own("ord-nyd/coop-pzcili", 9_000, 9_000) with { Date = new(2027, 1, 1) }), "date");
        var january = await nextYear.RecordPurchase(unit.Own("ord-nyd/coop-pzcili", 9_000, 9_000) with { Date = new(2027, 1, 1) });

        Assert.Equal(7_000, december.Months![11].CountedFen);
        Assert.All(december.Months.Take(11), m => Assert.Equal(0, m.CumulativeFen));
        Assert.Equal(7_000, (await thisYear.Progress()).Months![11].CumulativeFen); // the refused purchase left no trace
        Assert.Equal(9_000, january.Months![0].CountedFen);
        Assert.All(january.Months, m => Assert.Equal(9_000, m.CumulativeFen));
        Assert.Equal(2027, january.Year);
    }

    [Fact]
    public async Task PurchasesStoredBeforeMonthsWereKeptAreShownAsNotByMonth()
    {
        var unit = await QuotaSamples.RegisterAsync(_client);
        var quota = unit.Quota(_client);
        await quota.Declare(new QuotaDeclaration(1_000_000));
        await quota.RecordPurchase(unit.Own("ord-old1/coop-pzcili", 40_000, 40_000) with { Date = new(2026, 2, 10) });
        await quota.RecordPurchase(unit.ByUnion("ord-old2/coop-pzcili", 10_000, 12_000) with { Date = new(2026, 4, 2) });
        await fixture.Cluster.DeactivateAsync(quota);
        // What an earlier version stored: the totals and references, no months.
        await fixture.ChangeStoredStateAsync<BuyerQuotaState>("buyer-quota", quota, s => s with { Months = [], MonthsRecordedFrom = null });

        var old = await quota.Progress();
        Assert.Equal((50_000, 2, (DateOnly?)null), (old.NotByMonthFen, old.NotByMonthPurchases, old.MonthsRecordedFrom));
        Assert.All(old.Months!, m => Assert.Equal((0, 0), (m.CountedFen, m.CumulativeFen)));
        Assert.Equal(50_000, old.CountedFen); // the year's totals are as stored

        // The next purchase is kept by month from today (the cluster's China date); the earlier ones stay apart, and a
        // repeat of one of them still counts once.
        await quota.RecordPurchase(unit.Own("ord-old1/coop-pzcili", 40_000, 40_000) with { Date = new(2026, 2, 10) });
        var next = await quota.RecordPurchase(unit.ByEmployee("ord-new/coop-mttea", 5_000, 5_000) with { Date = new(2026, 6, 16) });

        Assert.Equal((50_000, 2, (DateOnly?)ClusterFixture.Today), (next.NotByMonthFen, next.NotByMonthPurchases, next.MonthsRecordedFrom));
        Assert.Equal(5_000, next.Months![5].CountedFen);
        Assert.Equal(5_000, next.Months[^1].CumulativeFen);
        Assert.Equal(55_000, next.CountedFen);
        Assert.Equal(3, next.Purchases);
        await fixture.Cluster.DeactivateAsync(quota);
        AssertSame(next, await quota.Progress());
    }

    /// <summary>The same progress, months included (a record compares its list of months by reference).</summary>
    private static void AssertSame(QuotaProgress expected, QuotaProgress actual)
    {
        Assert.Equal(expected.Months, actual.Months);
        Assert.Equal(expected with { Months = null }, actual with { Months = null });
    }
}

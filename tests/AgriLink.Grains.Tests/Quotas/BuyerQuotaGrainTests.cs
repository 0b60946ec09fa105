using AgriLink.Domain.Quotas;
using AgriLink.Grains.Quotas;
using Xunit;

namespace AgriLink.Grains.Tests.Quotas;

/// <summary>A budget unit's yearly quota: declaration against its region's floor, and purchases counted once each.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BuyerQuotaGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task DeclarationWithoutARateTakesGuangdongsThirtyPercent()
    {
        var unit = await QuotaSamples.RegisterAsync(_client);

        var progress = await unit.Quota(_client).Declare(new QuotaDeclaration(1_200_000_00));

        Assert.True(progress.Declared);
        Assert.Equal(3000, progress.ReserveRateBasisPoints);
        Assert.Equal(new ReserveRateFloor("44", 3000), progress.Floor);
        Assert.Equal(360_000_00, progress.QuotaFen);
        Assert.Equal(360_000_00, progress.RemainingFen);
        Assert.Equal(CanteenOperation.SelfRun, progress.Canteen);
        Assert.Equal(fixture.Clock.GetUtcNow().Date, progress.DeclaredAt!.Value.UtcDateTime.Date);
    }

    [Fact]
    public async Task PurchasesCountByChannelAndARepeatCountsOnce()
    {
        var unit = await QuotaSamples.RegisterAsync(_client);
        var quota = unit.Quota(_client);
        await quota.Declare(new QuotaDeclaration(1_000_000, 3500, CanteenOperation.Caterer, " 广州穗膳餐饮管理有限公司 "));

        await quota.RecordPurchase(unit.Own("ord-a/coop-pzcili", 100_000, 120_000));
        await quota.RecordPurchase(unit.ByUnion("ord-b/coop-xwkiwi", 50_000, 50_000));
        await quota.RecordPurchase(unit.ByEmployee("ord-c/coop-mttea", 20_000, 30_000));
        await fixture.Cluster.DeactivateAsync(quota);
        var repeated = await quota.RecordPurchase(unit.Own("ord-a/coop-pzcili", 100_000, 120_000));

        Assert.Equal((100_000, 50_000, 20_000), (repeated.OwnFen, repeated.UnionFen, repeated.EmployeeFen));
        Assert.Equal(170_000, repeated.CountedFen);
        Assert.Equal(30_000, repeated.UncertifiedFen);
        Assert.Equal(3, repeated.Purchases);
        Assert.Equal(350_000, repeated.QuotaFen);
        Assert.Equal(180_000, repeated.RemainingFen);
        Assert.Equal(4857, repeated.ProgressBasisPoints); // 170,000 / 350,000, rounded down
        Assert.Equal(1700, repeated.ReachedRateBasisPoints);
        Assert.False(repeated.Met);
        Assert.Equal((CanteenOperation.Caterer, "广州穗膳餐饮管理有限公司"), (repeated.Canteen, repeated.CatererName));
        Assert.Equal(4, await fixture.StoredVersionAsync("buyer-quota", quota)); // the declaration and three purchases
    }

    [Fact]
    public async Task PurchasesBeyondTheQuotaLeaveNothingRemaining()
    {
        var unit = await QuotaSamples.RegisterAsync(_client);
        var quota = unit.Quota(_client);
        await quota.Declare(new QuotaDeclaration(100_000));

        var progress = await quota.RecordPurchase(unit.Own("ord-big/coop-pzcili", 40_000, 40_000));

        Assert.Equal(30_000, progress.QuotaFen);
        Assert.Equal(0, progress.RemainingFen);
        Assert.True(progress.Met);
        Assert.Equal(13_333, progress.ProgressBasisPoints);
    }

    [Fact]
    public async Task PurchasesBeforeADeclarationAreKeptAndCountOnceDeclared()
    {
        var unit = await QuotaSamples.RegisterAsync(_client);
        var quota = unit.Quota(_client);

        var before = await quota.RecordPurchase(unit.ByUnion("ord-early/coop-cjxiang", 9_000, 9_000));
        var after = await quota.Declare(new QuotaDeclaration(100_000));

        Assert.False(before.Declared);
        Assert.Equal((0, 0, 9_000), (before.QuotaFen, before.RemainingFen, before.CountedFen));
        Assert.Equal(3000, before.ReserveRateBasisPoints); // the floor that would apply
        Assert.Equal(21_000, after.RemainingFen);
    }

    [Fact]
    public async Task RateBelowTheRegionsFloorIsRefusedAndNothingIsDeclared()
    {
        var unit = await QuotaSamples.RegisterAsync(_client);
        var quota = unit.Quota(_client);

        await GrainAssert.RefusedAsync(() => quota.Declare(new QuotaDeclaration(1_000_000, 2000)), "quota.rate-below-floor");

        Assert.False((await quota.Progress()).Declared);
        Assert.Null(await fixture.StoredVersionAsync("buyer-quota", quota));
    }

    [Fact]
    public async Task ShenzhenUnitsHaveTheCitysTwentyPercentFloor()
    {
        var unit = await QuotaSamples.RegisterAsync(_client, regionCode: "440305");

        var progress = await unit.Quota(_client).Declare(new QuotaDeclaration(1_000_000, 2000));

        Assert.Equal(new ReserveRateFloor("4403", 2000), progress.Floor);
        Assert.Equal(200_000, progress.QuotaFen);
    }

    [Fact]
    public async Task OnlyBudgetUnitsHaveAQuota()
    {
        var unit = await QuotaSamples.RegisterAsync(_client);
        var union = _client.GetGrain<IBuyerQuotaGrain>(new BuyerYear(unit.Union, 2026).ToString());

        await GrainAssert.RefusedAsync(() => union.Declare(new QuotaDeclaration(1_000_000)), "quota.not-budget-unit");
        await GrainAssert.RefusedAsync(() => union.RecordPurchase(unit.ByUnion("ord-x/coop-pzcili", 1, 1) with { PurchaserBuyerId = unit.Employee, Channel = QuotaChannel.Employee }),
            "quota.not-budget-unit");
        var nobody = Samples.BuyerId();
        await GrainAssert.NotFoundAsync(() => _client.GetGrain<IBuyerQuotaGrain>(new BuyerYear(nobody, 2026).ToString()).Progress(), "buyer", nobody);
    }

    [Fact]
    public async Task YearsAfterNextAndPurchasesFromAnotherYearAreInvalid()
    {
        var unit = await QuotaSamples.RegisterAsync(_client);

        // The cluster's China date is 16 June 2026: next year may be declared in advance, not the one after.
        await unit.Quota(_client, 2027).Declare(new QuotaDeclaration(1_000_000));
        await GrainAssert.InvalidAsync(() => unit.Quota(_client, 2028).Declare(new QuotaDeclaration(1_000_000)), "year");
        await GrainAssert.InvalidAsync(() => unit.Quota(_client).RecordPurchase(unit.Own("ord-y/coop-pzcili", 1, 1) with { Date = new(2025, 12, 31) }), "date");
    }

    [Fact]
    public async Task MalformedPurchasesNameTheirFields()
    {
        var unit = await QuotaSamples.RegisterAsync(_client);
        var quota = unit.Quota(_client);

        await GrainAssert.InvalidAsync(() => quota.RecordPurchase(unit.Own(" ", 5, 4)), "reference", "certifiedAmountFen");
        await GrainAssert.InvalidAsync(() => quota.RecordPurchase(unit.ByUnion("ord-z/coop-pzcili", 1, 1) with { Channel = QuotaChannel.Own }), "channel");
        await GrainAssert.InvalidAsync(() => quota.RecordPurchase(unit.Own("ord-w/coop-pzcili", 1, 1) with { Channel = QuotaChannel.Employee }), "channel");
        Assert.Equal(0, (await quota.Progress()).Purchases);
    }

    [Fact]
    public void KeysRoundTrip()
    {
        var key = new BuyerYear("buyer-gzcanteen", 2026);
        Assert.Equal("buyer-gzcanteen:2026", key.ToString());
        Assert.Equal(key, BuyerYear.Parse(key.ToString()));
        Assert.Throws<FormatException>(() => BuyerYear.Parse("buyer-gzcanteen:-1"));
        Assert.Throws<FormatException>(() => BuyerYear.Parse("buyer-gzcanteen"));
    }
}

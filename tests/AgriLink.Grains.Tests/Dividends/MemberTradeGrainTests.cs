using AgriLink.Domain.Dividends;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Tests.Shares;
using Xunit;

namespace AgriLink.Grains.Tests.Dividends;

/// <summary>A cooperative's trade with its members per fiscal year: the basis of the return by transaction volume.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MemberTradeGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task SameDeliveryRecordedTwiceCountsOnce()
    {
        var village = await Village.FoundAsync(_client);
        var wang = await village.HouseholdAsync("王德明");
        var delivery = new TradeRecord("order-20250920-0001/1", wang, 373_100, new(2025, 9, 20), TradeSource.Marketplace, "鲜刺梨交售");

        await village.Trade(2025).Record(delivery);
        await fixture.Cluster.DeactivateAsync(village.Trade(2025));
        var summary = await village.Trade(2025).Record(delivery);

        Assert.Equal([new MemberTrade(wang, 373_100)], summary.MemberTrades);
        Assert.Equal(1, summary.RecordCount);
        Assert.Equal([delivery], await village.Trade(2025).Records());
        Assert.Equal(1, await fixture.StoredVersionAsync("member-trade", village.Trade(2025)));
    }

    [Fact]
    public async Task AStateThatHeldItsDeliveriesMovesThemIntoRowsOnce()
    {
        var village = await Village.FoundAsync(_client);
        var wang = await village.HouseholdAsync("王德明");
        var li = await village.HouseholdAsync("李小芳");
        var first = new TradeRecord("manual-2025-0001", wang, 100_000, new(2025, 9, 1), TradeSource.Manual);
        var second = new TradeRecord("manual-2025-0002", li, 50_000, new(2025, 9, 2), TradeSource.Manual);
        var third = new TradeRecord("manual-2025-0003", null, 7_000, new(2025, 9, 3), TradeSource.Manual);
        var trade = village.Trade(2025);
        await trade.Record(first);
        // As the code before the rows stored it: every delivery in the state, none in rows.
        await fixture.ChangeStoredStateAsync<MemberTradeState>("member-trade", trade, _ => new MemberTradeState { Records = [first, second, third] });
        await fixture.Cluster.DeactivateAsync(trade);

        var summary = await trade.Summary();

        Assert.Equal([new MemberTrade(li, 50_000), new MemberTrade(wang, 100_000)], summary.MemberTrades.OrderBy(m => m.MemberId == wang));
        Assert.Equal((7_000L, 3), (summary.NonMemberTradeFen, summary.RecordCount));
        Assert.Equal([first, second, third], await trade.Records());
        Assert.Equal(3, await fixture.StoredVersionAsync("member-trade", trade));
        // A replay of a moved delivery is still recognised.
        Assert.Equal(3, (await trade.Record(second)).RecordCount);
    }

    [Fact]
    public async Task ReferenceReusedForADifferentAmountIsRefused()
    {
        var village = await Village.FoundAsync(_client);
        var wang = await village.HouseholdAsync("王德明");
        var delivery = new TradeRecord("manual-2025-0007", wang, 150_000, new(2025, 10, 15), TradeSource.Manual);
        await village.Trade(2025).Record(delivery);

        var error = await GrainAssert.RefusedAsync(() => village.Trade(2025).Record(delivery with { AmountFen = 160_000 }), "trade.reference-reused");

        Assert.Contains("manual-2025-0007", error.Message, StringComparison.Ordinal);
        Assert.Equal([new MemberTrade(wang, 150_000)], (await village.Trade(2025).Summary()).MemberTrades);
    }

    [Fact]
    public async Task MemberAndNonMemberTradeAreKeptApart()
    {
        var village = await Village.FoundAsync(_client);
        var wang = await village.HouseholdAsync("王德明");
        var li = await village.HouseholdAsync("李桂芬");
        var trade = village.Trade(2025);

        await trade.Record(new("d-1", wang, 300_000, new(2025, 9, 20), TradeSource.Manual, "鲜刺梨交售"));
        await trade.Record(new("d-2", li, 250_000, new(2025, 9, 21), TradeSource.Manual, "鲜刺梨交售"));
        await trade.Record(new("d-3", wang, 120_000, new(2025, 10, 15), TradeSource.Marketplace));
        await trade.Record(new("d-4", null, 5_000_000, new(2025, 11, 30), TradeSource.Manual, "外村散户收购"));
        await trade.Record(new("d-5", null, 40_000, new(2025, 12, 31), TradeSource.Manual));
        var summary = await trade.Summary();

        Assert.Equal(2025, summary.FiscalYear);
        Assert.Equal(new[] { new MemberTrade(wang, 420_000), new MemberTrade(li, 250_000) }.OrderBy(t => t.MemberId, StringComparer.Ordinal), summary.MemberTrades);
        Assert.Equal(5_040_000, summary.NonMemberTradeFen);
        Assert.Equal(5, summary.RecordCount);
    }

    [Fact]
    public async Task TradeNamingSomeoneWhoIsNotAMemberIsRefused()
    {
        var village = await Village.FoundAsync(_client);
        await village.HouseholdAsync("王德明");

        await GrainAssert.InvalidAsync(
            () => village.Trade(2025).Record(new("d-1", Samples.HouseholdId(), 300_000, new(2025, 9, 20), TradeSource.Manual)), "memberId");

        Assert.Equal(0, (await village.Trade(2025).Summary()).RecordCount);
        Assert.Null(await fixture.StoredVersionAsync("member-trade", village.Trade(2025)));
    }

    [Fact]
    public async Task TradeDatedOutsideTheFiscalYearIsRefused()
    {
        var village = await Village.FoundAsync(_client);
        var wang = await village.HouseholdAsync("王德明");

        await GrainAssert.InvalidAsync(() => village.Trade(2025).Record(new("d-1", wang, 300_000, new(2026, 1, 1), TradeSource.Manual)), "date");
        await GrainAssert.InvalidAsync(() => village.Trade(2025).Record(new("d-2", wang, 300_000, new(2024, 12, 31), TradeSource.Manual)), "date");
        await village.Trade(2025).Record(new("d-3", wang, 300_000, new(2025, 1, 1), TradeSource.Manual));

        Assert.Equal(1, (await village.Trade(2025).Summary()).RecordCount);
    }

    [Fact]
    public async Task FiscalYearFollowsTheCharterYearEnd()
    {
        // A year ending 30 June: fiscal 2025 runs from 1 July 2024 to 30 June 2025.
        var village = await Village.FoundAsync(_client, ShareSamples.Charter(fiscalYearEndMonth: 6));
        var wang = await village.HouseholdAsync("王德明");

        await village.Trade(2025).Record(new("d-1", wang, 300_000, new(2024, 7, 1), TradeSource.Manual));
        await village.Trade(2025).Record(new("d-2", wang, 200_000, new(2025, 6, 30), TradeSource.Manual));
        await GrainAssert.InvalidAsync(() => village.Trade(2025).Record(new("d-3", wang, 100_000, new(2025, 7, 1), TradeSource.Manual)), "date");

        Assert.Equal([new MemberTrade(wang, 500_000)], (await village.Trade(2025).Summary()).MemberTrades);
    }

    [Fact]
    public async Task NonPositiveAmountIsRefused()
    {
        var village = await Village.FoundAsync(_client);
        var wang = await village.HouseholdAsync("王德明");

        await GrainAssert.InvalidAsync(() => village.Trade(2025).Record(new("d-1", wang, 0, new(2025, 9, 20), TradeSource.Manual)), "amountFen");
        await GrainAssert.InvalidAsync(() => village.Trade(2025).Record(new("d-2", null, -5, new(2025, 9, 20), TradeSource.Manual)), "amountFen");

        Assert.Equal(0, (await village.Trade(2025).Summary()).RecordCount);
    }
}

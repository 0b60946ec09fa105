using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Dividends;
using Xunit;

namespace AgriLink.Grains.Tests.Shares;

/// <summary>Shareholders leave by notice, and a year's trade is fixed once its distribution is approved.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MembershipOfShareholdersTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task MemberWhoHoldsSharesCannotBeRemovedOnlyNoticed()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter());
        var wang = await village.HouseholdAsync("王德明");
        await village.Register.Issue(ShareSamples.Land("h-wang-land", wang, 3_000, "舍烹股字第2017901号"), "coop.admin", "入股");

        await GrainAssert.RefusedAsync(() => village.Cooperative.RemoveMember(wang), "cooperative.member-holds-shares");

        Assert.Contains((await village.Cooperative.Get()).Members, m => m.MemberId == wang);
    }

    [Fact]
    public async Task MemberWithoutSharesCanBeRemoved()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter());
        var li = await village.HouseholdAsync("李秀英");

        var after = await village.Cooperative.RemoveMember(li);

        Assert.DoesNotContain(after.Members, m => m.MemberId == li);
    }

    [Fact]
    public async Task TradeForAYearWhoseDistributionIsApprovedIsRefusedButReplaysStillCountOnce()
    {
        // No coordination fee, so no village collective is needed among the members.
        var charter = new Charter(1000, 500, 6000, ShortfallPolicy.ProRataCut, [], PreferredExitPolicy.ConvertToOrdinary, 0);
        var village = await Village.FoundAsync(_client, charter);
        var wang = await village.HouseholdAsync("王德明");
        await village.Register.Issue(ShareSamples.Land("h-wang-land2", wang, 3_000, "舍烹股字第2017902号"), "coop.admin", "入股");
        var delivery = new TradeRecord("d-2025-1", wang, 200_000, new(2025, 9, 20), TradeSource.Manual);
        await village.Trade(2025).Record(delivery);
        await village.Declaration(2025).Prepare(new YearEndFigures(SurplusFen: 1_000_000), "coop.preparer");
        await village.Declaration(2025).Approve("coop.approver");

        await GrainAssert.RefusedAsync(
            () => village.Trade(2025).Record(new TradeRecord("d-2025-2", wang, 50_000, new(2025, 10, 1), TradeSource.Manual)),
            "trade.year-declared");
        var replay = await village.Trade(2025).Record(delivery);

        Assert.Equal([new MemberTrade(wang, 200_000)], replay.MemberTrades);
    }
}

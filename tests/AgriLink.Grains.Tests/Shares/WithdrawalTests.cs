using AgriLink.Domain.Shares;
using Xunit;

namespace AgriLink.Grains.Tests.Shares;

/// <summary>
/// Notices to withdraw (退社), given on the fixture's date, 16 June 2026: 3 months' notice for individuals and
/// households, 6 for organisations, effective at a fiscal year end.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WithdrawalTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task NoticeInTimeTakesEffectAtTheComingYearEndAndALateOneRollsToTheNext()
    {
        // The year ends on 30 September: an individual's deadline is 30 June, an organisation's 31 March.
        var village = await Village.FoundAsync(_client, ShareSamples.Charter(fiscalYearEndMonth: 9));
        var member = await village.IndividualAsync("陶小红");
        var enterprise = await village.EnterpriseAsync();
        await village.Register.IssueMany(
            [ShareSamples.Cash("h-ind", member, ShareholderKind.OtherMember, 5_000, "C-1"), ShareSamples.Investment("h-ent", enterprise, "C-2")],
            ShareSamples.Admin, "创始股东登记");

        var afterMember = await village.Register.NoticeWithdrawal(member, ShareSamples.Admin, "外出务工，书面申请退社");
        var afterEnterprise = await village.Register.NoticeWithdrawal(enterprise, ShareSamples.Admin, "公司调整经营方向，书面申请退社");

        var memberNotice = Assert.Single(afterMember.PendingWithdrawals);
        Assert.Equal((member, ClusterFixture.Today, new DateOnly(2026, 9, 30), false),
            (memberNotice.ShareholderId, memberNotice.Date, memberNotice.EffectiveOn, memberNotice.RolledOver));
        var enterpriseNotice = Assert.Single(afterEnterprise.PendingWithdrawals, n => n.ShareholderId == enterprise);
        Assert.Equal((new DateOnly(2027, 9, 30), true), (enterpriseNotice.EffectiveOn, enterpriseNotice.RolledOver));
        Assert.Equal(2, afterEnterprise.PendingWithdrawals.Count);

        // Still holders today and through the year end they leave at, for that year's distribution; gone the day after.
        await fixture.Cluster.DeactivateAsync(village.Register);
        Assert.Equal([enterprise, member], await HoldersAsync(village, null));
        Assert.Equal([enterprise, member], await HoldersAsync(village, new(2026, 9, 30)));
        Assert.Equal([enterprise], await HoldersAsync(village, new(2026, 10, 1)));
        Assert.Equal([enterprise], await HoldersAsync(village, new(2027, 9, 30)));
        Assert.Empty(await HoldersAsync(village, new(2027, 10, 1)));
        Assert.Equal([enterprise, member], (await village.Register.PositionsAtYearEnd(2026)).Select(p => p.ShareholderId).Order(StringComparer.Ordinal));
        Assert.Equal([enterprise], (await village.Register.PositionsAtYearEnd(2027)).Select(p => p.ShareholderId));
        Assert.Equal(2, (await village.Register.View(null)).PendingWithdrawals.Count);
    }

    [Fact]
    public async Task OrganisationGivingSixMonthsNoticeLeavesAtTheComingYearEnd()
    {
        // With a December year end an organisation's deadline is 30 June, two weeks after the fixture's date.
        var village = await Village.FoundAsync(_client, ShareSamples.Charter());
        var collective = await village.CollectiveAsync();
        await village.Register.Issue(ShareSamples.Collective("h-vc", collective, "C-1"), ShareSamples.Admin, "集体资产入股");

        var view = await village.Register.NoticeWithdrawal(collective, ShareSamples.Admin, "村集体退出合作社");

        var notice = Assert.Single(view.PendingWithdrawals);
        Assert.Equal((new DateOnly(2026, 12, 31), false), (notice.EffectiveOn, notice.RolledOver));
    }

    [Fact]
    public async Task SecondNoticeWhileOneIsPendingIsRefused()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter());
        var member = await village.IndividualAsync("陶小红");
        await village.Register.Issue(ShareSamples.Cash("h-ind", member, ShareholderKind.OtherMember, 5_000, "C-1"), ShareSamples.Admin, "现金入股");
        await village.Register.NoticeWithdrawal(member, ShareSamples.Admin, "书面申请退社");

        await GrainAssert.RefusedAsync(() => village.Register.NoticeWithdrawal(member, ShareSamples.Admin, "再次申请"), "shares.withdrawal-pending");

        Assert.Equal(2, (await village.Register.View(null)).LastSequence);
    }

    [Fact]
    public async Task NoticeFromSomeoneWithoutSharesIsNotFound()
    {
        var village = await Village.FoundAsync(_client, ShareSamples.Charter());
        var member = await village.IndividualAsync("陶小红");

        await GrainAssert.NotFoundAsync(() => village.Register.NoticeWithdrawal(member, ShareSamples.Admin, "书面申请退社"), "shareholder", member);
    }

    private static async Task<IReadOnlyList<string>> HoldersAsync(Village village, DateOnly? asOf) =>
        [.. (await village.Register.View(asOf)).Holdings.Select(h => h.ShareholderId).Distinct().Order(StringComparer.Ordinal)];
}

using AgriLink.Domain.Shares;
using AgriLink.Grains.Tests.Dividends;
using Xunit;

namespace AgriLink.Grains.Tests.Shares;

/// <summary>
/// A withdrawal entering the register's history once its fiscal year end has passed: needs the clock to move
/// months ahead, so it runs on the cluster whose clock the tests move.
/// </summary>
[Collection(LedgerClusterCollection.Name)]
public sealed class WithdrawalTakesEffectTests(LedgerClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task NoticedWithdrawalIsRecordedTheDayAfterItsYearEndWithItsSubsidyFormedPart()
    {
        // A year end three months out, so the notice is in time whatever date earlier tests left the clock at.
        var today = fixture.CurrentDate;
        var endMonth = (today.Month + 2) % 12 + 1;
        var yearEnd = FiscalCalendar.YearEndOf(today, endMonth);
        var village = await Village.FoundAsync(_client, ShareSamples.Charter(fiscalYearEndMonth: endMonth));
        var members = await village.IndividualsAsync(2);
        Holding[] leaving =
        [
            ShareSamples.Cash("h-1-cash", members[0], ShareholderKind.OtherMember, 5_000, "C-1"),
            new("h-1-fund", members[0], ShareholderKind.OtherMember, ShareClass.FiscalFund, 3_000, 300_000, Village.Founded, "C-2", FundId: "fund-pz-2017"),
        ];
        await village.Register.IssueMany([.. leaving, ShareSamples.Cash("h-2-cash", members[1], ShareholderKind.OtherMember, 8_000, "C-3")],
            ShareSamples.Admin, "创始股东登记");
        var notice = Assert.Single((await village.Register.NoticeWithdrawal(members[0], ShareSamples.Admin, "外出务工，书面申请退社")).PendingWithdrawals);
        Assert.Equal((yearEnd, false), (notice.EffectiveOn, notice.RolledOver));

        fixture.PassDays(yearEnd.DayNumber - today.DayNumber + 1);
        var after = await village.Register.Issue(
            ShareSamples.Cash("h-2-more", members[1], ShareholderKind.OtherMember, 1_000, "C-4", issuedOn: fixture.CurrentDate), ShareSamples.Admin, "增资");

        Assert.Empty(after.PendingWithdrawals);
        Assert.Equal(6, after.LastSequence);
        await fixture.Cluster.DeactivateAsync(village.Register);
        var withdrawn = Assert.IsType<SharesWithdrawn>(Assert.Single(await village.Register.History(4, 1)));
        Assert.Equal((members[0], yearEnd.AddDays(1), ShareRegister.SystemActor), (withdrawn.ShareholderId, withdrawn.Date, withdrawn.Actor));
        Assert.Equal(leaving.Select(h => h.HoldingId), withdrawn.HoldingIds.Order(StringComparer.Ordinal));
        Assert.Equal((800_000L, 300_000L), (withdrawn.ValuationFen, withdrawn.SubsidyFormedFen));
        Assert.Empty(await village.Register.HoldingsOf(members[0]));
        Assert.Equal(leaving, (await village.Register.View(yearEnd)).Holdings.Where(h => h.ShareholderId == members[0]));
        Assert.Equal(["h-2-cash", "h-2-more"], (await village.Register.View(null)).Holdings.Select(h => h.HoldingId));
    }
}

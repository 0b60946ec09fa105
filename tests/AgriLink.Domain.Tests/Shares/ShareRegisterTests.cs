using AgriLink.Domain.Errors;
using AgriLink.Domain.Shares;
using Xunit;
using static AgriLink.Domain.Tests.Shares.RegisterSamples;

namespace AgriLink.Domain.Tests.Shares;

public class ShareRegisterTests
{
    private static readonly DateOnly June = new(2021, 6, 15);

    private static ShareTransfer Move(string holdingId, long shares, string to = "hh-b") =>
        new(holdingId, shares, to, ShareholderKind.Household, $"{holdingId}-t", $"GQ-{holdingId}-t");

    [Fact]
    public void IssuedHoldingIsRecordedAsNumberedEvent()
    {
        var register = Empty().With(Cash("h1", "hh-a", 10));

        var issued = Assert.IsType<SharesIssued>(Assert.Single(register.Events));
        Assert.Equal(1, issued.Sequence);
        Assert.Equal(Start, issued.Date);
        Assert.Equal("admin-li", issued.Actor);
        Assert.Equal(10, register.GetHolding("h1").Shares);
    }

    [Fact]
    public void CertificateNumbersAreUnique()
    {
        var register = Empty().With(Cash("h1", "hh-a", 10));

        var error = Assert.Throws<RuleViolationException>(() => register.With(Cash("h2", "hh-b", 5) with { CertificateNo = "GQ-h1" }));
        Assert.Equal("shares.duplicate-certificate", error.Code);
    }

    [Fact]
    public void HoldingIdsAreUnique() =>
        Assert.Equal("shares.duplicate-holding",
            Assert.Throws<RuleViolationException>(() => Empty().With(Cash("h1", "hh-a", 10), Cash("h1", "hh-b", 5) with { CertificateNo = "X" })).Code);

    [Fact]
    public void InvalidHoldingIsRefusedFieldByField()
    {
        var error = Assert.Throws<ValidationFailedException>(() =>
            Empty().With(Land("h1", "hh-a", 0, 6000) with { Land = null, FundId = "f" }));

        Assert.Contains("shares", error.Errors.Keys);
        Assert.Contains("land", error.Errors.Keys);
        Assert.Contains("fundId", error.Errors.Keys);
    }

    [Fact]
    public void FiscalFundShareIsNotTransferable()
    {
        var register = Empty().With(Fiscal("h1", "hh-a", 10));

        var error = Assert.Throws<RuleViolationException>(() => register.Transfer(Move("h1", 5), false, June, "admin-li", "sale"));
        Assert.Equal("shares.not-transferable", error.Code);
    }

    [Fact]
    public void PreferredShareIsNotTransferableWhateverItsClass()
    {
        var register = Empty().With(Cash("h1", "hh-a", 10) with { Preferred = true });

        Assert.Equal("shares.not-transferable",
            Assert.Throws<RuleViolationException>(() => register.Transfer(Move("h1", 5), false, June, "admin-li", "sale")).Code);
    }

    [Fact]
    public void OfficerCannotTransferDuringTerm()
    {
        var register = Empty().With(Cash("h1", "hh-a", 10));

        Assert.Equal("shares.officer-transfer",
            Assert.Throws<RuleViolationException>(() => register.Transfer(Move("h1", 5), true, June, "admin-li", "sale")).Code);
    }

    [Fact]
    public void TransferringMoreSharesThanHeldIsRefused()
    {
        var register = Empty().With(Cash("h1", "hh-a", 10));

        Assert.Equal("shares.insufficient",
            Assert.Throws<RuleViolationException>(() => register.Transfer(Move("h1", 11), false, June, "admin-li", "sale")).Code);
    }

    [Fact]
    public void PartialTransferSplitsValuationAndLandInProportion()
    {
        var register = Empty().With(Land("h1", "hh-a", 3, 1000) with { ValuationFen = 100 })
            .Transfer(Move("h1", 1), false, June, "admin-li", "inheritance");

        var kept = register.GetHolding("h1");
        var moved = register.GetHolding("h1-t");
        Assert.Equal((2L, 67L, 667L), (kept.Shares, kept.ValuationFen, kept.AreaMilliMu));
        Assert.Equal((1L, 33L, 333L), (moved.Shares, moved.ValuationFen, moved.AreaMilliMu));
        Assert.Equal(("hh-b", June, "GQ-h1-t"), (moved.ShareholderId, moved.IssuedOn, moved.CertificateNo));
    }

    [Fact]
    public void WholeTransferRetiresTheSourceHolding()
    {
        var register = Empty().With(Cash("h1", "hh-a", 10)).Transfer(Move("h1", 10), false, June, "admin-li", "sale");

        Assert.Throws<NotFoundException>(() => register.GetHolding("h1"));
        Assert.Equal(10, register.GetHolding("h1-t").Shares);
    }

    [Fact]
    public void EntriesMustNotGoBackInTime()
    {
        var register = Empty().With(Cash("h1", "hh-a", 10)).Transfer(Move("h1", 2), false, June, "admin-li", "sale");

        Assert.Equal("shares.out-of-order",
            Assert.Throws<RuleViolationException>(() => register.With(Cash("h2", "hh-c", 1, on: Start))).Code);
    }

    [Theory]
    [InlineData("2021-09-30", "2021-12-31", false)] // last day leaving three whole months
    [InlineData("2021-10-01", "2022-12-31", true)] // too late: rolls to the next year end
    [InlineData("2021-01-15", "2021-12-31", false)]
    public void HouseholdWithdrawalNeedsThreeMonthsNotice(string noticed, string effective, bool rolled)
    {
        var register = Empty().With(Cash("h1", "hh-a", 10, on: new DateOnly(2021, 1, 1)))
            .NoticeWithdrawal("hh-a", DateOnly.Parse(noticed), "hh-a", "moving to the city");

        var notice = Assert.IsType<WithdrawalNoticed>(register.Events[^1]);
        Assert.Equal((DateOnly.Parse(effective), rolled), (notice.EffectiveOn, notice.RolledOver));
    }

    [Theory]
    [InlineData("2021-06-30", "2021-12-31", false)]
    [InlineData("2021-07-01", "2022-12-31", true)]
    public void OrganisationWithdrawalNeedsSixMonthsNotice(string noticed, string effective, bool rolled)
    {
        var register = Empty().With(Cash("h1", "ent-gz", 10, on: new DateOnly(2021, 1, 1), kind: ShareholderKind.Enterprise))
            .NoticeWithdrawal("ent-gz", DateOnly.Parse(noticed), "ent-gz", "ends investment");

        var notice = Assert.IsType<WithdrawalNoticed>(register.Events[^1]);
        Assert.Equal((DateOnly.Parse(effective), rolled), (notice.EffectiveOn, notice.RolledOver));
    }

    [Fact]
    public void WithdrawalFollowsTheCharterFiscalYearEnd()
    {
        var register = ShareRegister.Empty("coop-x", fiscalYearEndMonth: 6)
            .With(Cash("h1", "hh-a", 10, on: new DateOnly(2021, 1, 1)))
            .NoticeWithdrawal("hh-a", new DateOnly(2021, 3, 31), "hh-a", "leaving");

        Assert.Equal(new DateOnly(2021, 6, 30), Assert.IsType<WithdrawalNoticed>(register.Events[^1]).EffectiveOn);
    }

    [Fact]
    public void SecondNoticeWhileOneIsPendingIsRefused()
    {
        var register = Empty().With(Cash("h1", "hh-a", 10)).NoticeWithdrawal("hh-a", June, "hh-a", "leaving");

        Assert.Equal("shares.withdrawal-pending",
            Assert.Throws<RuleViolationException>(() => register.NoticeWithdrawal("hh-a", June, "hh-a", "again")).Code);
    }

    [Fact]
    public void ARestoredRegisterDecidesAsTheReplayedOneWithoutItsHistory()
    {
        var yearEnd = new DateOnly(2021, 12, 31);
        var register = Empty().With(Cash("h1", "hh-a", 10), Fiscal("h2", "hh-a", 4), Cash("h3", "hh-b", 5))
            .NoticeWithdrawal("hh-a", June, "hh-a", "leaving");
        var restored = ShareRegister.Restore(register.CooperativeId, register.FiscalYearEndMonth, register.Snapshot);

        Assert.Empty(restored.Events);
        Assert.Equal((4L, (DateOnly?)June), (restored.LastSequence, restored.LastDate));
        Assert.Equal(register.Holdings, restored.Holdings);
        Assert.Equal(register.PendingWithdrawals, restored.PendingWithdrawals);
        Assert.Equal(register.PositionsAt(yearEnd.AddDays(1)), restored.PositionsAt(yearEnd.AddDays(1)));

        // The same next entries, numbered on from the snapshot; ids and certificates ever used stay used.
        var after = yearEnd.AddDays(2);
        var replayed = register.ApplyDueWithdrawals(after).Issue(Cash("h4", "hh-c", 3, after), "admin", "入股");
        var continued = restored.ApplyDueWithdrawals(after).Issue(Cash("h4", "hh-c", 3, after), "admin", "入股");
        Assert.Equivalent(replayed.EventsAfter(4), continued.Events, strict: true);
        Assert.Equal([5L, 6], continued.Events.Select(e => e.Sequence));
        Assert.Equal(replayed.Holdings, continued.Holdings);
        Assert.Equal("shares.duplicate-holding",
            Assert.Throws<RuleViolationException>(() => continued.Issue(Cash("h1", "hh-c", 1, after), "admin", "again")).Code);
        Assert.Equal(continued.Holdings, continued.Compact().Holdings);
        Assert.Empty(continued.Compact().Events);
        Assert.Equal(6, continued.Compact().LastSequence);

        // Before its last entry it knows nothing: the caller replays the stored entries.
        Assert.False(restored.Knows(June.AddDays(-1)));
        Assert.True(restored.Knows(June));
        Assert.Throws<InvalidOperationException>(() => restored.PositionsAt(June.AddDays(-1)));
        Assert.True(register.Knows(June.AddDays(-1)));
    }

    [Fact]
    public void WithdrawnMemberStillHoldsAtYearEndAndIsGoneTheDayAfter()
    {
        var yearEnd = new DateOnly(2021, 12, 31);
        var register = Empty().With(Cash("h1", "hh-a", 10), Fiscal("h2", "hh-a", 4), Cash("h3", "hh-b", 5))
            .NoticeWithdrawal("hh-a", June, "hh-a", "leaving");

        Assert.Equal(3, register.PositionsAt(yearEnd).Count);
        Assert.Equal(["h3"], register.PositionsAt(yearEnd.AddDays(1)).Select(h => h.HoldingId));

        var applied = register.ApplyDueWithdrawals(yearEnd.AddDays(1), "admin-li");
        var withdrawn = Assert.IsType<SharesWithdrawn>(applied.Events[^1]);
        Assert.Equal((yearEnd.AddDays(1), 14_00_00L, 4_00_00L), (withdrawn.Date, withdrawn.ValuationFen, withdrawn.SubsidyFormedFen));
        Assert.Equal(["h3"], applied.Holdings.Select(h => h.HoldingId));
    }

    [Fact]
    public void DueWithdrawalIsRecordedBeforeAnyLaterEntry()
    {
        var register = Empty().With(Cash("h1", "hh-a", 10), Cash("h2", "hh-b", 5))
            .NoticeWithdrawal("hh-a", June, "hh-a", "leaving")
            .Issue(Cash("h3", "hh-c", 2, on: new DateOnly(2022, 2, 1)), "admin-li", "new member");

        Assert.Collection(register.Events.Skip(3),
            e => Assert.Equal(("system", new DateOnly(2022, 1, 1)), (Assert.IsType<SharesWithdrawn>(e).Actor, e.Date)),
            e => Assert.IsType<SharesIssued>(e));
    }

    [Fact]
    public void ReplayRebuildsTheSameRegister()
    {
        var register = Empty().With(Cash("h1", "hh-a", 10), Land("h2", "hh-b", 6, 6000))
            .Transfer(Move("h2", 2, "hh-c"), false, June, "admin-li", "inheritance")
            .NoticeWithdrawal("hh-a", June, "hh-a", "leaving")
            .ApplyDueWithdrawals(new DateOnly(2022, 1, 1));

        var replayed = ShareRegister.Replay(register.CooperativeId, register.FiscalYearEndMonth, register.Events);

        Assert.Equal(register.Holdings, replayed.Holdings);
        Assert.Equal(register.Events, replayed.Events);
    }

    [Fact]
    public void ReplayRefusesAGapInTheSequence()
    {
        var events = Empty().With(Cash("h1", "hh-a", 10), Cash("h2", "hh-b", 5)).Events;

        Assert.Equal("shares.sequence",
            Assert.Throws<RuleViolationException>(() => ShareRegister.Replay("coop-jiaxi", 12, [events[1]])).Code);
    }

    [Fact]
    public void ShareholderKeepsOneKind() =>
        Assert.Equal("shares.shareholder-kind",
            Assert.Throws<RuleViolationException>(() => Empty().With(Cash("h1", "hh-a", 10), Cash("h2", "hh-a", 5, kind: ShareholderKind.Enterprise))).Code);
}

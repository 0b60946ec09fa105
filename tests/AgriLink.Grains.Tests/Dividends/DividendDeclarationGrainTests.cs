using AgriLink.Domain.Dividends;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Tests.Shares;
using AgriLink.Storage.Ledger;
using Xunit;

namespace AgriLink.Grains.Tests.Dividends;

/// <summary>
/// The year-end declaration through its workflow: draft → four-eyes approval → public notice with objections →
/// paid to the ledger, once. Runs on its own cluster, whose clock the payment tests move past the notice.
/// </summary>
[Collection(LedgerClusterCollection.Name)]
public sealed class DividendDeclarationGrainTests(LedgerClusterFixture fixture)
{
    private const string Cashier = "coop.panzhou.cashier";

    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task PreparingADeclarationNeedsACharter()
    {
        var village = await Village.FoundAsync(_client);
        var key = new CooperativeYear(village.CooperativeId, 2025).ToString();

        await GrainAssert.RefusedAsync(() => village.Declaration(2025).Prepare(ClosedYear.Figures, ClosedYear.Preparer), "declaration.no-charter");

        await GrainAssert.NotFoundAsync(() => village.Declaration(2025).Get(), "declaration", key);
        Assert.Empty(await village.Register.DeclaredYears());
    }

    [Fact]
    public async Task FiscalYearStillOpenCannotBeDeclared()
    {
        var year = await ClosedYear.RecordAsync(_client);
        var declaration = year.Village.Declaration(2026);

        await GrainAssert.RefusedAsync(() => declaration.Prepare(ClosedYear.Figures, ClosedYear.Preparer), "declaration.year-open");

        await GrainAssert.NotFoundAsync(declaration.Get, "declaration", new CooperativeYear(year.Village.CooperativeId, 2026).ToString());
        Assert.Null(await fixture.StoredVersionAsync("dividend-declaration", declaration));
    }

    [Fact]
    public async Task DraftLinesSumExactlyToTheDistributableSurplus()
    {
        var year = await ClosedYear.RecordAsync(_client);

        var view = await year.Declaration.Prepare(ClosedYear.Figures, ClosedYear.Preparer);
        var lines = await year.Declaration.Lines(0, 100);

        var totals = view.Totals;
        Assert.Equal(DeclarationStatus.Draft, view.Declaration.Status);
        Assert.Equal((ClosedYear.Preparer, fixture.CurrentDate), (view.Declaration.PreparedBy, view.Declaration.PreparedOn));
        Assert.Equal((6_800_000L, 3_400_000L, 57_800_000L), (totals.ReserveFen, totals.WelfareFen, totals.DistributableFen));
        Assert.Equal((34_680_000L, 23_120_000L), (totals.TradePoolFen, totals.CapitalPoolFen));
        Assert.Equal((2_944_000L, ClosedYear.NonMemberTradeFen), (totals.MemberTradeFen, totals.NonMemberTradeFen));
        // 16 mu at ¥400 and two ¥20,000 funds at 10% in their third year; the collective's fee is ¥20 a mu.
        Assert.Equal((1_040_000L, 1_040_000L, 0L, 32_000L), (totals.FloorsDueFen, totals.FloorsPaidFen, totals.FloorLiabilityFen, totals.CoordinationFeesFen));
        Assert.Equal(22_080_000, totals.SecondRoundFen);
        Assert.Equal(totals.DistributableFen, totals.TotalPaidFen);
        Assert.Equal(totals.DistributableFen, lines.Sum(l => l.PaidFen));
        Assert.Equal(totals.DistributableFen, lines.SelectMany(l => l.Components).Where(c => c.IsPaid).Sum(c => c.AmountFen));
        Assert.Empty(totals.Lines);

        string[] shareholders = [year.Collective, year.Enterprise, .. year.Households];
        Assert.Equal(shareholders.Order(StringComparer.Ordinal), lines.Select(l => l.ShareholderId));
        Assert.Equal(6, view.LineCount);
        Assert.All(lines, l => Assert.True(l.PaidFen > 0));
        var pages = (await year.Declaration.Lines(0, 4)).Concat(await year.Declaration.Lines(4, 4));
        Assert.Equal(lines.Select(l => l.ShareholderId), pages.Select(l => l.ShareholderId));

        var wang = await year.Declaration.LineFor(year.Wang);
        Assert.NotNull(wang);
        Assert.Equal(
            [DividendComponentKind.TradeReturn, DividendComponentKind.Floor, DividendComponentKind.SecondRound, // h-wang-fund
             DividendComponentKind.Floor, DividendComponentKind.CollectiveDeduction, DividendComponentKind.SecondRound], // h-wang-land
            wang.Components.Select(c => c.Kind));
        Assert.Equal(-12_000, wang.Components.Single(c => c.Kind == DividendComponentKind.CollectiveDeduction).AmountFen);
        var collective = await year.Declaration.LineFor(year.Collective);
        Assert.Equal(32_000, collective!.Components.Where(c => c.Kind == DividendComponentKind.CoordinationFee).Sum(c => c.AmountFen));
        Assert.Equal([ClosedYear.FiscalYear], await year.Village.Register.DeclaredYears());
    }

    [Fact]
    public async Task AdminWhoPreparedTheDeclarationCannotApproveIt()
    {
        var year = await ClosedYear.RecordAsync(_client);
        await year.Declaration.Prepare(ClosedYear.Figures, ClosedYear.Preparer);

        await GrainAssert.RefusedAsync(() => year.Declaration.Approve(ClosedYear.Preparer), "declaration.four-eyes");
        await GrainAssert.RefusedAsync(() => year.Declaration.Approve(" COOP.Panzhou "), "declaration.four-eyes");
        Assert.Equal(DeclarationStatus.Draft, (await year.Declaration.Get()).Declaration.Status);

        var approved = await year.Declaration.Approve(ClosedYear.Approver);

        Assert.Equal((DeclarationStatus.Approved, ClosedYear.Approver, fixture.CurrentDate),
            (approved.Declaration.Status, approved.Declaration.ApprovedBy, approved.Declaration.ApprovedOn));
    }

    [Fact]
    public async Task NoticeShorterThanTheCharterOrBeforeTheApprovalIsRefused()
    {
        var year = await ClosedYear.RecordAsync(_client);
        await year.Declaration.Prepare(ClosedYear.Figures, ClosedYear.Preparer);
        var today = fixture.CurrentDate;

        await GrainAssert.RefusedAsync(() => year.Declaration.Publicise(today, today.AddDays(6), ClosedYear.Approver), "declaration.illegal-transition");
        await year.Declaration.Approve(ClosedYear.Approver);
        await GrainAssert.InvalidAsync(() => year.Declaration.Publicise(today, today.AddDays(5), ClosedYear.Approver), "noticeEnd");
        await GrainAssert.InvalidAsync(() => year.Declaration.Publicise(today.AddDays(-1), today.AddDays(6), ClosedYear.Approver), "noticeStart");

        Assert.Equal(DeclarationStatus.Approved, (await year.Declaration.Get()).Declaration.Status);
        var view = await year.Declaration.Publicise(today, today.AddDays(6), ClosedYear.Approver);
        Assert.Equal((DeclarationStatus.Publicised, today, today.AddDays(6)),
            (view.Declaration.Status, view.Declaration.NoticeStart, view.Declaration.NoticeEnd));
    }

    [Fact]
    public async Task PaymentPostsEveryLineToTheLedgerAndPayingAgainChangesNothing()
    {
        var year = await ClosedYear.PublicisedAsync(_client, fixture.CurrentDate);
        var coop = year.Village.CooperativeId;
        var lines = await year.Declaration.Lines(0, 100);

        await GrainAssert.RefusedAsync(() => year.Declaration.Pay(Cashier), "declaration.notice-running");
        Assert.False(await fixture.Ledger.IsPostedAsync(DividendPayments.KeyPrefix(year.Key) + "appropriation", TestContext.Current.CancellationToken));
        fixture.PassDays(7);
        await year.PassPlanAsync(_client);
        var report = await year.Declaration.Pay(Cashier);

        Assert.Equal(new PaymentReport(TransfersPosted: 1 + lines.Count, TransfersAlreadyPosted: 0, TotalPaidFen: 57_800_000, AlreadyPaid: false), report);
        await AssertPaidAsync(coop, lines, reserveFen: 6_800_000, welfareFen: 3_400_000);
        var view = await year.Declaration.Get();
        Assert.Equal((DeclarationStatus.Paid, Cashier, fixture.CurrentDate), (view.Declaration.Status, view.Declaration.PaidBy, view.Declaration.PaidOn));
        Assert.Equal(view.LineCount, view.PaidLineCount);

        var before = await SnapshotAsync(coop, lines);
        await fixture.Cluster.DeactivateAsync(year.Declaration);
        var again = await year.Declaration.Pay(Cashier);

        Assert.Equal(new PaymentReport(0, 0, 57_800_000, AlreadyPaid: true), again);
        Assert.Equal(before, await SnapshotAsync(coop, lines));
        await GrainAssert.RefusedAsync(() => year.Declaration.Prepare(ClosedYear.Figures, ClosedYear.Preparer), "declaration.not-draft");
    }

    [Fact]
    public async Task MemberObjectionBlocksPaymentUntilAnAdminResolvesIt()
    {
        var year = await ClosedYear.PublicisedAsync(_client, fixture.CurrentDate);
        var payable = LedgerAccounts.CooperativeDividendsPayable(year.Village.CooperativeId);

        await GrainAssert.RefusedAsync(() => year.Declaration.FileObjection(Samples.HouseholdId(), "我也要分红"), "declaration.not-a-member");
        var objected = await year.Declaration.FileObjection(year.Zhao, "九月交售的 300 斤刺梨没有计入交易量。");
        fixture.PassDays(7);
        await GrainAssert.RefusedAsync(() => year.Declaration.FileObjection(year.Zhang, "公示期已过才看到"), "declaration.outside-notice");

        var objection = Assert.Single(objected.Declaration.Objections);
        Assert.Equal(("obj-1", year.Zhao, objected.Declaration.NoticeStart!.Value), (objection.ObjectionId, objection.MemberId, objection.FiledOn));
        Assert.True(objection.IsOpen);
        var refused = await GrainAssert.RefusedAsync(() => year.Declaration.Pay(Cashier), "declaration.objections-open");
        Assert.Contains("obj-1", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await fixture.Ledger.EntriesAsync(payable, ct: TestContext.Current.CancellationToken));

        var resolved = await year.Declaration.ResolveObjection("obj-1", ObjectionOutcome.Dismissed, ClosedYear.Approver, "经核对，该批刺梨记在十月交售单中。");
        await year.PassPlanAsync(_client);
        var report = await year.Declaration.Pay(Cashier);

        Assert.Equal(DeclarationStatus.Publicised, resolved.Declaration.Status);
        Assert.Equal((ObjectionOutcome.Dismissed, ClosedYear.Approver), (resolved.Declaration.Objections[0].Outcome, resolved.Declaration.Objections[0].ResolvedBy));
        Assert.False(report.AlreadyPaid);
        Assert.Equal(0, await fixture.Ledger.BalanceAsync(payable, TestContext.Current.CancellationToken));
        Assert.Equal(DeclarationStatus.Paid, (await year.Declaration.Get()).Declaration.Status);
    }

    [Fact]
    public async Task UpheldObjectionSendsTheDeclarationBackToDraftForRecomputation()
    {
        var year = await ClosedYear.PublicisedAsync(_client, fixture.CurrentDate);
        var before = await year.Declaration.LineFor(year.Zhao);
        await year.Declaration.FileObjection(year.Zhao, "九月交售的 300 斤刺梨没有计入交易量。");

        var upheld = await year.Declaration.ResolveObjection("obj-1", ObjectionOutcome.Upheld, ClosedYear.Approver, "属实，补录交售记录后重新计算。");

        Assert.Equal(DeclarationStatus.Draft, upheld.Declaration.Status);
        Assert.Null(upheld.Declaration.ApprovedBy);
        Assert.Null(upheld.Declaration.NoticeEnd);
        await GrainAssert.RefusedAsync(() => year.Declaration.Pay(Cashier), "declaration.illegal-transition");

        await year.Village.Trade(ClosedYear.FiscalYear).Record(new("late-zhao-sep", year.Zhao, 180_000, new(2025, 9, 22), TradeSource.Manual, "补录"));
        var recomputed = await year.Declaration.Prepare(ClosedYear.Figures, ClosedYear.Preparer);
        var after = await year.Declaration.LineFor(year.Zhao);

        Assert.Equal(2_944_000 + 180_000, recomputed.Totals.MemberTradeFen);
        Assert.Equal(57_800_000, (await year.Declaration.Lines(0, 100)).Sum(l => l.PaidFen));
        Assert.True(after!.PaidFen > before!.PaidFen);
        Assert.Equal(ObjectionOutcome.Upheld, Assert.Single(recomputed.Declaration.Objections).Outcome);
        await GrainAssert.RefusedAsync(() => year.Declaration.Approve(ClosedYear.Preparer), "declaration.four-eyes");
        var approved = await year.Declaration.Approve(ClosedYear.Approver);
        Assert.Equal(DeclarationStatus.Approved, approved.Declaration.Status);
    }

    private async Task AssertPaidAsync(string coop, IReadOnlyList<DividendLine> lines, long reserveFen, long welfareFen)
    {
        var ct = TestContext.Current.CancellationToken;
        var holders = await fixture.Ledger.BalancesAsync(LedgerAccounts.ShareholderPrefixAll, ct);
        Assert.All(lines, l => Assert.Equal(l.PaidFen, holders[LedgerAccounts.ShareholderDividends(l.ShareholderId)]));
        var paid = lines.Sum(l => l.PaidFen);
        var accounts = await fixture.Ledger.BalancesAsync(LedgerAccounts.CooperativePrefix(coop), ct);
        Assert.Equal(0, accounts[LedgerAccounts.CooperativeDividendsPayable(coop)]);
        Assert.Equal(reserveFen, accounts[LedgerAccounts.CooperativeReserveFund(coop)]);
        Assert.Equal(welfareFen, accounts[LedgerAccounts.CooperativeWelfareFund(coop)]);
        Assert.Equal(-(reserveFen + welfareFen + paid), accounts[LedgerAccounts.CooperativeSurplus(coop)]);
        Assert.Equal(4, accounts.Count);
    }

    private async Task<IReadOnlyList<KeyValuePair<string, long>>> SnapshotAsync(string coop, IReadOnlyList<DividendLine> lines)
    {
        var ct = TestContext.Current.CancellationToken;
        var balances = new List<KeyValuePair<string, long>>(await fixture.Ledger.BalancesAsync(LedgerAccounts.CooperativePrefix(coop), ct));
        foreach (var line in lines)
        {
            balances.AddRange(await fixture.Ledger.BalancesAsync(LedgerAccounts.ShareholderPrefix(line.ShareholderId), ct));
        }

        return [.. balances.OrderBy(b => b.Key, StringComparer.Ordinal)];
    }
}

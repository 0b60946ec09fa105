using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Tests.Shares;
using AgriLink.Storage.Ledger;
using Xunit;

namespace AgriLink.Grains.Tests.Dividends;

/// <summary>
/// A payment run to a few thousand shareholders that dies part way (the ledger fails a batch, or the final state
/// write), and is then run again: every shareholder ends up paid exactly once.
/// </summary>
[Collection(LedgerClusterCollection.Name)]
public sealed class DividendPaymentResumeTests(LedgerClusterFixture fixture)
{
    /// <summary>Two and a half of the grain's payment batches, so the run has a second batch to die in and a third after it.</summary>
    private const int BatchSize = DividendPayments.BatchSize;
    private const int Shareholders = BatchSize * 5 / 2;
    private const string Cashier = "coop.cashier";

    private readonly IClusterClient _client = fixture.Client;

    [Theory]
    [InlineData(CrashPoint.BeforeCommit)]
    [InlineData(CrashPoint.AfterCommit)]
    public async Task RunThatDiesAtTheSecondBatchResumesAndPaysEveryShareholderExactlyOnce(CrashPoint point)
    {
        var run = await PublicisedRunAsync();
        fixture.Ledger.FailAfter(DividendPayments.KeyPrefix(run.Key), successfulBatches: 1, point);
        try
        {
            var crash = await Assert.ThrowsAnyAsync<Exception>(() => run.Declaration.Pay(Cashier));
            Assert.Contains("Simulated crash", crash.Message, StringComparison.Ordinal);
        }
        finally
        {
            Assert.Equal(1, fixture.Ledger.Heal());
        }

        // The process died with the activation; a new one reads the declaration from the database.
        await fixture.Cluster.DeactivateAsync(run.Declaration);
        var interrupted = await run.Declaration.Get();
        Assert.Equal((DeclarationStatus.Publicised, 0), (interrupted.Declaration.Status, interrupted.PaidLineCount));
        var committed = point == CrashPoint.AfterCommit ? 2 : 1;
        var done = 1 + NonZero(run.Lines.Take(committed * BatchSize));
        Assert.Equal(done, await CountPaymentTransfersAsync(run));

        var report = await run.Declaration.Pay(Cashier);

        Assert.Equal((done, 1 + NonZero(run.Lines) - done), (report.TransfersAlreadyPosted, report.TransfersPosted));
        Assert.False(report.AlreadyPaid);
        await AssertEveryShareholderPaidOnceAsync(run);
    }

    [Fact]
    public async Task RunWhoseFinalStateWriteFailsIsCompletedByTheNextRunWithoutPostingAgain()
    {
        var run = await PublicisedRunAsync();

        await using (await fixture.FailWritesToAsync(run.Declaration))
        {
            await Assert.ThrowsAnyAsync<OrleansException>(() => run.Declaration.Pay(Cashier));
        }

        Assert.Equal(DeclarationStatus.Publicised, (await run.Declaration.Get()).Declaration.Status);
        Assert.Equal(1 + NonZero(run.Lines), await CountPaymentTransfersAsync(run));
        var report = await run.Declaration.Pay(Cashier);

        Assert.Equal((1 + NonZero(run.Lines), 0), (report.TransfersAlreadyPosted, report.TransfersPosted));
        await AssertEveryShareholderPaidOnceAsync(run);
    }

    /// <summary>
    /// 2.5 batches of members with ¥100 shares, 20 of whom also traded; one in 250 holds a single share, too little for a fen of
    /// the second round, so their lines are zero and must post nothing. Prepared, approved and on notice.
    /// </summary>
    private async Task<Run> PublicisedRunAsync()
    {
        var charter = new Charter(ReserveRateBp: 1000, WelfareRateBp: 500, TradeReturnRateBp: 6000, ShortfallPolicy.ProRataCut, [],
            PreferredExitPolicy.ConvertToOrdinary, PreferredFloorBp: 0);
        var village = await Village.FoundAsync(_client, charter);
        var members = await village.IndividualsAsync(Shareholders);
        await village.Register.IssueMany(
            [.. members.Select((id, i) => ShareSamples.Cash($"h-{i:D5}", id, ShareholderKind.OtherMember, i % 250 == 0 ? 1 : 10_000, $"舍烹股字第2017{i:D5}号"))],
            ShareSamples.Admin, "创始股东登记");
        var trade = village.Trade(2025);
        for (var i = 1; i <= 20; i++)
        {
            await trade.Record(new($"d-{i}", members[i], 100_000 + i * 1_000, new(2025, 9, 20), TradeSource.Manual));
        }

        // ¥73,235.28 leaves ¥62,250 to distribute: ¥37,350 by trade and ¥24,900 over the shares; one share earns less than a fen.
        var declaration = village.Declaration(2025);
        await declaration.Prepare(new YearEndFigures(SurplusFen: 7_323_528), "coop.preparer");
        await declaration.Approve("coop.approver");
        await declaration.Publicise(fixture.CurrentDate, fixture.CurrentDate.AddDays(6), "coop.approver");
        fixture.PassDays(7);
        await AssemblySteps.PassPlanAsync(_client, village.CooperativeId, 2025);

        var lines = await declaration.Lines(0, Shareholders + 1);
        Assert.Equal(Shareholders, lines.Count);
        Assert.Equal(Shareholders / 250, lines.Count(l => l.PaidFen == 0));
        return new Run(village.CooperativeId, declaration, lines);
    }

    private async Task<int> CountPaymentTransfersAsync(Run run)
    {
        // Every payment and the appropriation touch dividends payable exactly once.
        var keys = new List<string>();
        long? before = null;
        while (true)
        {
            var page = await fixture.Ledger.EntriesAsync(LedgerAccounts.CooperativeDividendsPayable(run.CooperativeId), before, LedgerEntry.MaxLimit,
                TestContext.Current.CancellationToken);
            if (page.Count == 0) break;
            keys.AddRange(page.Select(e => e.IdempotencyKey));
            before = page[^1].Id;
        }

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, k => Assert.StartsWith(DividendPayments.KeyPrefix(run.Key), k, StringComparison.Ordinal));
        return keys.Count;
    }

    private async Task AssertEveryShareholderPaidOnceAsync(Run run)
    {
        var ct = TestContext.Current.CancellationToken;
        var holders = await fixture.Ledger.BalancesAsync(LedgerAccounts.ShareholderPrefixAll, ct);
        Assert.All(run.Lines, l =>
        {
            var account = LedgerAccounts.ShareholderDividends(l.ShareholderId);
            if (l.PaidFen == 0) Assert.False(holders.ContainsKey(account), $"{l.ShareholderId} has a zero line but a dividend account.");
            else Assert.Equal(l.PaidFen, holders[account]);
        });
        Assert.Equal(1 + NonZero(run.Lines), await CountPaymentTransfersAsync(run));
        Assert.False(await fixture.Ledger.IsPostedAsync(DividendPayments.KeyPrefix(run.Key) + run.Lines.First(l => l.PaidFen == 0).ShareholderId, ct));
        Assert.Equal(0, await fixture.Ledger.BalanceAsync(LedgerAccounts.CooperativeDividendsPayable(run.CooperativeId), ct));

        var view = await run.Declaration.Get();
        Assert.Equal((DeclarationStatus.Paid, Shareholders), (view.Declaration.Status, view.PaidLineCount));
        var replay = await run.Declaration.Pay(Cashier);
        Assert.True(replay.AlreadyPaid);
        Assert.Equal(1 + NonZero(run.Lines), await CountPaymentTransfersAsync(run));
    }

    private static int NonZero(IEnumerable<DividendLine> lines) => lines.Count(l => l.PaidFen != 0 || l.OwedFen != 0);

    private sealed record Run(string CooperativeId, IDividendDeclarationGrain Declaration, IReadOnlyList<DividendLine> Lines)
    {
        public CooperativeYear Key => new(CooperativeId, 2025);
    }
}

using System.Diagnostics;
using AgriLink.Domain.Dividends;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Shares;
using AgriLink.Grains.VillageCollectives;
using AgriLink.Storage;
using AgriLink.Storage.Ledger;
using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;

namespace AgriLink.Benchmarks;

/// <summary>How the setup records the year's member trade (never timed).</summary>
public enum TradeSeeding
{
    /// <summary>One <see cref="IMemberTradeGrain.Record"/> call per member, as the app does it.</summary>
    Grain,

    /// <summary>
    /// The trade grain's state (one record per member) written once through the silo's own grain storage before the
    /// grain first activates: <see cref="IMemberTradeGrain.Record"/> rewrites the whole record list on every call, so
    /// recording tens of thousands one by one takes hours (the run measures and reports that cost).
    /// </summary>
    Storage,
}

public sealed record DividendsOptions(
    int Shareholders,
    TradeSeeding? Trade,
    int BaselineRuns,
    string? DataFolder,
    bool Keep,
    string OutputFolder,
    bool Probes);

/// <summary>
/// The issue-3 benchmark: declare and pay a dividend to <c>n</c> shareholders of one cooperative (run A, the system),
/// beside one bulk insert of <c>n</c> balanced ledger transfers in a single transaction (run B, the baseline).
/// </summary>
public static class DividendsBenchmark
{
    private const int MemberBatch = 10_000;
    private const int HoldingBatch = 10_000;
    private const int LinePage = 5_000;

    /// <summary>At most this many members are recorded one call at a time when the trade mode is not given.</summary>
    private const int GrainTradeLimit = 2_000;

    public static async Task<DividendsResult> RunAsync(DividendsOptions options, Action<string> log)
    {
        var scenario = new Scenario(options.Shareholders);
        var tradeMode = options.Trade ?? (options.Shareholders <= GrainTradeLimit ? TradeSeeding.Grain : TradeSeeding.Storage);
        var folder = options.DataFolder ?? Path.Combine(Path.GetTempPath(), $"agrilink-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var result = new DividendsResult
        {
            Shareholders = scenario.Shareholders,
            TradeSeeding = tradeMode.ToString(),
            Machine = MachineInfo.Capture(),
            DataFolder = folder,
        };
        result.Load.Add(("start", MachineInfo.LoadAverage()));
        log($"data folder {folder}; load average {MachineInfo.LoadAverage()}");

        try
        {
            var clock = new BenchmarkClock(Scenario.Anchor);
            var setupWatch = Stopwatch.StartNew();
            await using var silo = await BenchmarkSilo.StartAsync(Path.Combine(folder, "agrilink.db"), clock);
            result.Setup.Add(("silo start", setupWatch.Elapsed));
            if (silo.ClockInUse is not BenchmarkClock)
                throw new BenchmarkFailedException($"The silo's TimeProvider is {silo.ClockInUse.GetType().Name}, not the benchmark clock.");

            await SetupAsync(silo, scenario, tradeMode, result, log);
            result.Load.Add(("before run A", MachineInfo.LoadAverage()));

            // ---- Run A: the system --------------------------------------------------------------------
            log("run A: prepare → approve → publicise → pay");
            var declaration = silo.Grains.GetGrain<IDividendDeclarationGrain>(Scenario.Year.ToString());
            DeclarationView prepared;
            PaymentReport report;
            using (var probe = MemoryProbe.Start())
            {
                var watch = Stopwatch.StartNew();
                prepared = await declaration.Prepare(scenario.Figures, Scenario.Preparer);
                var prepare = watch.Elapsed;
                await declaration.Approve(Scenario.Approver);
                var approve = watch.Elapsed;
                var today = clock.Today;
                await declaration.Publicise(today, today.AddDays(Scenario.Charter.NoticeDays - 1), Scenario.Approver);
                var publicise = watch.Elapsed;
                // The notice runs its days; the platform's clock is moved past its end (instant, not a cost of the system).
                clock.Advance(TimeSpan.FromDays(Scenario.Charter.NoticeDays));
                var advanced = watch.Elapsed;
                await PassPlanAsync(silo.Grains);
                var resolved = watch.Elapsed;
                report = await declaration.Pay(Scenario.Approver);
                var pay = watch.Elapsed;
                watch.Stop();
                result.MemoryA = probe.Stop();
                result.PhasesA.Add(("prepare", prepare));
                result.PhasesA.Add(("approve", approve - prepare));
                result.PhasesA.Add(("publicise", publicise - approve));
                result.PhasesA.Add(("assembly", resolved - advanced));
                result.PhasesA.Add(("pay", pay - resolved));
                result.RunA = prepare + (approve - prepare) + (publicise - approve) + (pay - advanced);
            }
            result.Load.Add(("after run A", MachineInfo.LoadAverage()));
            log($"run A {Format.Seconds(result.RunA)}: " + string.Join(", ", result.PhasesA.Select(p => $"{p.Name} {Format.Seconds(p.Elapsed)}")));

            var lines = await VerifyAsync(silo, declaration, scenario, prepared, report, result, log);

            // ---- Run B: the baseline ------------------------------------------------------------------
            var occurredAt = clock.GetUtcNow();
            var rows = BaselineRows(lines, scenario);
            for (var run = 1; run <= options.BaselineRuns; run++)
            {
                var b = await LedgerBaseline.RunAsync(Path.Combine(folder, $"baseline-{run}.db"), rows, occurredAt);
                result.RunsB.Add(b.Elapsed);
                result.BaselineDatabaseBytes = b.DatabaseBytes;
                log($"run B #{run}: {b.Transfers:N0} transfers, {b.Postings:N0} postings in {Format.Seconds(b.Elapsed)}");
            }
            result.Load.Add(("after run B", MachineInfo.LoadAverage()));

            if (options.Probes)
                await Probes.RunAsync(silo, folder, scenario, lines, result, log);
            result.SystemDatabaseBytes = DatabaseBytes(Path.Combine(folder, "agrilink.db"));
            result.ProcessPeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!options.Keep && options.DataFolder is null)
            {
                try { Directory.Delete(folder, recursive: true); }
                catch (IOException e) { log($"could not delete {folder}: {e.Message}"); }
            }
        }

        return result;
    }

    internal static async Task SetupAsync(BenchmarkSilo silo, Scenario scenario, TradeSeeding tradeMode, DividendsResult result, Action<string> log)
    {
        var grains = silo.Grains;
        var watch = Stopwatch.StartNew();
        await grains.GetGrain<IVillageCollectiveGrain>(Scenario.CollectiveId).Register(Scenario.CollectiveProfile);
        var coop = grains.GetGrain<ICooperativeGrain>(Scenario.CooperativeId);
        await coop.Register(Scenario.Profile);
        result.Setup.Add(("register cooperative", watch.Elapsed));

        watch.Restart();
        foreach (var batch in scenario.Members().Chunk(MemberBatch))
            await coop.AddMembers(batch);
        var members = (await coop.Get()).Members.Count;
        if (members != scenario.Shareholders + 1)
            throw new BenchmarkFailedException($"The cooperative has {members} members; expected {scenario.Shareholders + 1}.");
        result.Setup.Add(($"admit {members:N0} members (AddMembers × {MemberBatch:N0})", watch.Elapsed));
        log($"setup: {members:N0} members in {Format.Seconds(watch.Elapsed)}");

        watch.Restart();
        var register = grains.GetGrain<IShareRegisterGrain>(Scenario.CooperativeId);
        await register.SetCharter(Scenario.Charter);
        var holdings = scenario.Holdings().ToList();
        foreach (var batch in holdings.Chunk(HoldingBatch))
            await register.IssueMany(batch, Scenario.Preparer, "三变改革入股登记");
        var positions = await register.PositionsAtYearEnd(Scenario.FiscalYear);
        var holders = positions.Select(p => p.ShareholderId).Distinct(StringComparer.Ordinal).Count();
        if (positions.Count != holdings.Count || holders != scenario.Shareholders)
            throw new BenchmarkFailedException($"The register holds {positions.Count} holdings of {holders} shareholders at year end; expected {holdings.Count} of {scenario.Shareholders}.");
        result.Holdings = holdings.Count;
        result.Setup.Add(($"charter + issue {holdings.Count:N0} holdings (IssueMany × {HoldingBatch:N0})", watch.Elapsed));
        log($"setup: {holdings.Count:N0} holdings in {Format.Seconds(watch.Elapsed)}");

        watch.Restart();
        var trade = grains.GetGrain<IMemberTradeGrain>(Scenario.Year.ToString());
        var records = scenario.Trade().ToList();
        if (tradeMode == TradeSeeding.Grain)
        {
            var progress = Stopwatch.StartNew();
            for (var i = 0; i < records.Count; i++)
            {
                await trade.Record(records[i]);
                if (progress.Elapsed > TimeSpan.FromSeconds(30))
                {
                    log($"setup: trade {i + 1:N0}/{records.Count:N0} after {Format.Seconds(watch.Elapsed)}");
                    progress.Restart();
                }
            }
        }
        else
        {
            // The delivery book imported in bulk, one write per chunk.
            foreach (var chunk in records.Chunk(10_000)) await trade.RecordMany(chunk);
        }
        var summary = await trade.Summary();
        if (summary.RecordCount != records.Count || summary.MemberTrades.Count != scenario.Shareholders
            || summary.MemberTrades.Sum(t => t.MemberTradeFen) != records.Sum(r => r.AmountFen))
            throw new BenchmarkFailedException($"The trade grain holds {summary.RecordCount} records of {summary.MemberTrades.Count} members; expected {records.Count}.");
        result.Setup.Add(($"member trade, {records.Count:N0} records ({(tradeMode == TradeSeeding.Grain ? "Record × n" : "RecordMany × 10,000")})", watch.Elapsed));
        log($"setup: {records.Count:N0} trade records ({tradeMode}) in {Format.Seconds(watch.Elapsed)}");
    }

    /// <summary>The baseline's rows: one transfer per member's paid line, with the system's own keys, accounts and amounts.</summary>
    internal static List<LedgerBaseline.Row> BaselineRows(IEnumerable<DividendLine> lines, Scenario scenario)
    {
        var rows = lines.Where(l => l.ShareholderId != Scenario.CollectiveId).Select(l => new LedgerBaseline.Row(
            DividendPayments.KeyPrefix(Scenario.Year) + l.ShareholderId,
            LedgerAccounts.CooperativeDividendsPayable(Scenario.CooperativeId),
            LedgerAccounts.ShareholderDividends(l.ShareholderId),
            l.PaidFen,
            $"{Scenario.FiscalYear} 年度分红 {Scenario.CooperativeId}")).ToList();
        if (rows.Count != scenario.Shareholders)
            throw new BenchmarkFailedException($"{rows.Count} baseline rows for {scenario.Shareholders} shareholders.");
        return rows;
    }

    /// <summary>The member assembly passes the plan after its notice (a held meeting, every member present), as payment requires.</summary>
    private static async Task PassPlanAsync(IGrainFactory grains)
    {
        var assembly = grains.GetGrain<Grains.Assemblies.IAssemblyGrain>(new Grains.Assemblies.AssemblyKey(Scenario.CooperativeId, "asm-benchmark").ToString());
        var called = await assembly.Call(new Grains.Assemblies.CallAssembly("成员大会", Domain.Assemblies.AssemblyMode.Held,
            [new Domain.Assemblies.ResolutionDraft(Domain.Assemblies.ResolutionSubject.DistributionPlan, "盈余分配方案", Scenario.FiscalYear)]), Scenario.Approver);
        await assembly.RecordHeld(new Grains.Assemblies.HeldMeeting(called.Roll.Seats,
            new Dictionary<string, Domain.Assemblies.ResolutionCount> { ["r1"] = new(called.Roll.TotalVotes, 0, 0) }, "一致通过"), Scenario.Approver);
    }

    /// <summary>
    /// A benchmark whose result is wrong is worthless: every line paid once and exactly, the ledger balanced, payable
    /// settled, replay a no-op. Throws <see cref="BenchmarkFailedException"/> on the first mismatch.
    /// </summary>
    internal static async Task<List<DividendLine>> VerifyAsync(BenchmarkSilo silo, IDividendDeclarationGrain declaration, Scenario scenario,
        DeclarationView prepared, PaymentReport report, DividendsResult result, Action<string> log)
    {
        var watch = Stopwatch.StartNew();
        var view = await declaration.Get();
        Check(view.Declaration.Status == DeclarationStatus.Paid, $"declaration is {view.Declaration.Status}, not Paid");
        Check(view.Declaration.PreparedBy == Scenario.Preparer && view.Declaration.ApprovedBy == Scenario.Approver, "preparer/approver not recorded");
        Check(view.PaidLineCount == view.LineCount, $"{view.PaidLineCount} of {view.LineCount} lines marked paid");
        Check(!report.AlreadyPaid, "the first Pay reported AlreadyPaid");

        var lines = new List<DividendLine>(view.LineCount);
        for (var offset = 0; offset < view.LineCount; offset += LinePage)
            lines.AddRange(await declaration.Lines(offset, LinePage));
        Check(lines.Count == view.LineCount, $"read {lines.Count} lines of {view.LineCount}");
        Check(lines.Count == scenario.Shareholders + 1, $"{lines.Count} lines; expected one per shareholder plus the collective's fees ({scenario.Shareholders + 1})");
        Check(lines.Select(l => l.ShareholderId).Distinct(StringComparer.Ordinal).Count() == lines.Count, "a shareholder has two lines");
        var totals = prepared.Totals;
        Check(totals.ShortfallApplied is null && totals.FloorLiabilityFen == 0, "the surplus did not cover the floors");
        Check(lines.Sum(l => l.PaidFen) == totals.TotalPaidFen, $"lines sum to {lines.Sum(l => l.PaidFen)}, total paid is {totals.TotalPaidFen}");
        Check(totals.TotalPaidFen == totals.DistributableFen, $"paid {totals.TotalPaidFen} of distributable {totals.DistributableFen}");
        var byHolder = lines.ToDictionary(l => l.ShareholderId, StringComparer.Ordinal);
        for (var i = 1; i <= scenario.Shareholders; i++)
            Check(byHolder.TryGetValue(Scenario.MemberId(i), out var line) && line.PaidFen > 0
                  && line.Components.Any(c => c.Kind == DividendComponentKind.TradeReturn),
                $"{Scenario.MemberId(i)} has no paid line with a trade return");

        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.PaidFen != 0) expected.Add(LedgerAccounts.ShareholderDividends(line.ShareholderId), line.PaidFen);
            if (line.OwedFen != 0) expected.Add(LedgerAccounts.ShareholderPrefix(line.ShareholderId) + "floors-owed", line.OwedFen);
        }
        var balances = await silo.Ledger.BalancesAsync(LedgerAccounts.ShareholderPrefixAll);
        Check(balances.Count == expected.Count, $"{balances.Count} shareholder accounts in the ledger; expected {expected.Count}");
        foreach (var (account, fen) in expected)
            Check(balances.TryGetValue(account, out var actual) && actual == fen,
                $"{account} holds {(balances.TryGetValue(account, out var a) ? a : 0)} fen; its line says {fen}");
        var payable = await silo.Ledger.BalanceAsync(LedgerAccounts.CooperativeDividendsPayable(Scenario.CooperativeId));
        Check(payable == 0, $"dividends payable is {payable}, not 0");
        var surplus = await silo.Ledger.BalanceAsync(LedgerAccounts.CooperativeSurplus(Scenario.CooperativeId));
        Check(surplus == -(totals.ReserveFen + totals.WelfareFen + totals.TotalPaidFen), $"surplus account is {surplus}");
        var transfers = lines.Count(l => l.PaidFen != 0 || l.OwedFen != 0) + 1;
        Check(report.TransfersPosted == transfers && report.TransfersAlreadyPosted == 0,
            $"Pay posted {report.TransfersPosted} (+{report.TransfersAlreadyPosted} already); expected {transfers}");
        Check(report.TotalPaidFen == totals.TotalPaidFen, "Pay reported a different total");

        // Replaying the payment pays nothing.
        var (transfersBefore, postingsBefore) = await LedgerCountsAsync(silo.Database, DividendPayments.KeyPrefix(Scenario.Year));
        var replay = await declaration.Pay(Scenario.Approver);
        var (transfersAfter, postingsAfter) = await LedgerCountsAsync(silo.Database, DividendPayments.KeyPrefix(Scenario.Year));
        Check(replay.AlreadyPaid && replay.TransfersPosted == 0 && transfersAfter == transfersBefore && postingsAfter == postingsBefore,
            "a second Pay wrote to the ledger");
        Check(transfersBefore == transfers, $"{transfersBefore} ledger transfers; expected {transfers}");

        result.Lines = lines.Count;
        result.LedgerTransfers = transfersBefore;
        result.LedgerPostings = postingsBefore;
        result.TotalPaidFen = totals.TotalPaidFen;
        result.Verification = $"OK: {lines.Count:N0} lines, {expected.Count:N0} shareholder accounts equal their lines, payable 0, " +
                              $"{transfersBefore:N0} transfers / {postingsBefore:N0} postings, replayed Pay wrote nothing";
        log($"verified in {Format.Seconds(watch.Elapsed)}: {result.Verification}");
        return lines;
    }

    /// <summary>The declaration's transfers and postings (keys under <paramref name="keyPrefix"/>: the database may hold others, e.g. the demo's).</summary>
    private static async Task<(long Transfers, long Postings)> LedgerCountsAsync(AgriLinkDatabase database, string keyPrefix)
    {
        await using var connection = await database.OpenAsync();
        await using var command = Sql.Command(connection, null,
            "SELECT (SELECT COUNT(*) FROM ledger_transfer WHERE idempotency_key LIKE @prefix), " +
            "(SELECT COUNT(*) FROM ledger_posting p JOIN ledger_transfer t ON t.id = p.transfer_id WHERE t.idempotency_key LIKE @prefix)",
            ("@prefix", keyPrefix + "%"));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static long DatabaseBytes(string file) =>
        new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    private static void Check(bool condition, string problem)
    {
        if (!condition) throw new BenchmarkFailedException("Verification failed: " + problem);
    }
}

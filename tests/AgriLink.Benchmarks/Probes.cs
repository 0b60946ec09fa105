using System.Diagnostics;
using AgriLink.Domain.Dividends;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Shares;
using AgriLink.Storage;
using AgriLink.Storage.Ledger;
using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;

namespace AgriLink.Benchmarks;

/// <summary>
/// Where run A's time goes, measured after it (untimed) by repeating its parts one at a time on the same data:
/// the stored state sizes, the pure distribution, the Orleans serialization of the declaration's state, one
/// version-checked state write of that size, the ledger batches alone, and the cost of one member-trade record.
/// </summary>
public static class Probes
{
    public static async Task RunAsync(BenchmarkSilo silo, string folder, Scenario scenario, List<DividendLine> lines, DividendsResult result, Action<string> log)
    {
        var grains = silo.Grains;
        var probes = result.Probes;
        log("probes: where the time goes");

        // 1. The rows the grains keep rewriting.
        await using (var connection = await silo.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT state_name, grain_id, length(payload), version FROM grain_state ORDER BY length(payload) DESC LIMIT 5";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                probes.Add(($"stored state '{reader.GetString(0)}' ({reader.GetString(1)})",
                    $"{Format.Bytes(reader.GetInt64(2))}, written {reader.GetInt64(3)}×", "every write serializes and stores the whole row"));
        }

        // 2. Prepare's inputs and the pure distribution.
        var register = grains.GetGrain<IShareRegisterGrain>(Scenario.CooperativeId);
        var trade = grains.GetGrain<IMemberTradeGrain>(Scenario.Year.ToString());
        var watch = Stopwatch.StartNew();
        await grains.GetGrain<ICooperativeGrain>(Scenario.CooperativeId).Get();
        var positions = await register.PositionsAtYearEnd(Scenario.FiscalYear);
        var summary = await trade.Summary();
        var charter = (await register.GetCharter())!;
        probes.Add(("prepare's grain calls (coop, positions, trade, charter)", Format.Seconds(watch.Elapsed), $"{positions.Count:N0} positions, {summary.MemberTrades.Count:N0} traders"));
        var figures = scenario.Figures;
        var inputs = new YearEndInputs(Scenario.FiscalYear, figures.SurplusFen, figures.PriorLossesFen, figures.ProfitPerMuFen, Scenario.CollectiveId,
            summary.MemberTrades, positions, summary.NonMemberTradeFen);
        watch.Restart();
        inputs.Validate(charter);
        probes.Add(("YearEndInputs.Validate", Format.Seconds(watch.Elapsed), "run once, inside Distribute"));
        watch.Restart();
        var distribution = SurplusDistributor.Distribute(charter, inputs);
        probes.Add(("SurplusDistributor.Distribute", Format.Seconds(watch.Elapsed),
            $"{distribution.Lines.Count:N0} lines, {distribution.Lines.Sum(l => l.Components.Count):N0} components"));
        if (distribution.TotalPaidFen != result.TotalPaidFen)
            throw new BenchmarkFailedException("The distribution recomputed for the probes differs from the paid one.");

        // 3. The declaration's state through the silo's storage serializer.
        var view = await grains.GetGrain<IDividendDeclarationGrain>(Scenario.Year.ToString()).Get();
        var state = new DividendDeclarationState
        {
            Declaration = view.Declaration, Figures = figures, Charter = charter, Totals = distribution with { Lines = [] },
            Revision = 1, LineCount = distribution.Lines.Count,
        };
        var inputsState = new DividendInputsState { Revision = 1, Inputs = inputs };
        watch.Restart();
        var payload = silo.StorageSerializer.Serialize(inputsState);
        var serialize = watch.Elapsed;
        watch.Restart();
        silo.StorageSerializer.Deserialize<DividendInputsState>(payload);
        probes.Add(("serialize the inputs state (written once, by Prepare)", Format.Seconds(serialize), $"{Format.Bytes(payload.ToMemory().Length)}; deserialize {Format.Seconds(watch.Elapsed)}"));

        // 4. One version-checked write of each state: the inputs once in Prepare; the workflow state at every step.
        var inputsWrite = await TimeStateWriteAsync(silo, "inputs", inputsState);
        probes.Add(("one inputs state write (serialize + UPDATE + fsync)", Format.Seconds(inputsWrite.Write), $"read back {Format.Seconds(inputsWrite.Read)}"));
        var declarationWrite = await TimeStateWriteAsync(silo, "declaration", state);
        probes.Add(("one workflow state write (Approve, Publicise, end of Pay)", Format.Seconds(declarationWrite.Write), $"read back {Format.Seconds(declarationWrite.Read)}"));
        var registerState = new GrainState<ShareRegisterState>();
        await silo.Storage.ReadStateAsync("share-register", register.GetGrainId(), registerState);
        if (registerState.State is null || !registerState.RecordExists)
            throw new BenchmarkFailedException("The share register's state row was not found.");
        var registerWrite = await TimeStateWriteAsync(silo, "register", registerState.State);
        probes.Add(("one share-register state write (any register change; its history is rows, declared years are kept apart)", Format.Seconds(registerWrite.Write),
            $"{registerState.State.Snapshot?.Holdings.Count ?? 0:N0} holdings, entry {registerState.State.Snapshot?.LastSequence ?? 0:N0}"));

        // 5. The payment's ledger work alone: the same transfers through SqlLedger, outside any grain.
        var at = DateTimeOffset.UtcNow;
        watch.Restart();
        var transfers = new List<LedgerTransfer>(lines.Count + 1) { DividendPayments.Appropriation(Scenario.Year, distribution, at)! };
        transfers.AddRange(lines.Select(l => DividendPayments.ForLine(Scenario.Year, l, at)).OfType<LedgerTransfer>());
        probes.Add(("build the payment's LedgerTransfers", Format.Seconds(watch.Elapsed), $"{transfers.Count:N0} transfers"));
        var batched = await TimeLedgerAsync(Path.Combine(folder, "probe-ledger-batched.db"), transfers, 1_000);
        probes.Add(("SqlLedger.PostBatchAsync, batches of 1,000 (as Pay)", Format.Seconds(batched), $"{(transfers.Count + 999) / 1000} transactions"));
        var single = await TimeLedgerAsync(Path.Combine(folder, "probe-ledger-single.db"), transfers, transfers.Count);
        probes.Add(("SqlLedger.PostBatchAsync, one batch of all", Format.Seconds(single), "one transaction, as the baseline"));

        // 6. Recording member trade one call at a time: cost per call with an empty list and with n records.
        var (empty, full) = await TimeTradeRecordsAsync(silo, scenario);
        var perEmpty = empty.TotalMilliseconds;
        var perFull = full.TotalMilliseconds;
        var estimate = TimeSpan.FromMilliseconds(scenario.Shareholders * perEmpty + (perFull - perEmpty) * scenario.Shareholders / 2.0);
        probes.Add(("IMemberTradeGrain.Record, one call", $"{perEmpty:F1} ms at 0 records, {perFull:F1} ms at {scenario.Shareholders:N0}",
            $"≈ {Format.Duration(estimate)} to record {scenario.Shareholders:N0} one by one"));
        result.TradeRecordEstimate = estimate;
    }

    private static async Task<(TimeSpan Write, TimeSpan Read)> TimeStateWriteAsync<T>(BenchmarkSilo silo, string key, T state)
    {
        var id = GrainId.Create("benchprobe", key);
        var grainState = new GrainState<T>(state);
        await silo.Storage.WriteStateAsync("bench-probe", id, grainState); // insert
        var watch = Stopwatch.StartNew();
        await silo.Storage.WriteStateAsync("bench-probe", id, grainState); // version-checked update
        var write = watch.Elapsed;
        watch.Restart();
        await silo.Storage.ReadStateAsync("bench-probe", id, new GrainState<T>());
        return (write, watch.Elapsed);
    }

    private static async Task<TimeSpan> TimeLedgerAsync(string file, List<LedgerTransfer> transfers, int batchSize)
    {
        var database = AgriLinkDatabase.Sqlite(file);
        await database.EnsureSchemaAsync();
        var ledger = new SqlLedger(database);
        var watch = Stopwatch.StartNew();
        var posted = 0;
        foreach (var batch in transfers.Chunk(batchSize))
            posted += (await ledger.PostBatchAsync(batch)).Posted;
        watch.Stop();
        if (posted != transfers.Count) throw new BenchmarkFailedException($"Probe ledger posted {posted} of {transfers.Count}.");
        SqliteConnection.ClearAllPools();
        return watch.Elapsed;
    }

    /// <summary>Average of 10 <see cref="IMemberTradeGrain.Record"/> calls on an empty year (2023) and on a year (2024) seeded with n records.</summary>
    private static async Task<(TimeSpan Empty, TimeSpan Full)> TimeTradeRecordsAsync(BenchmarkSilo silo, Scenario scenario)
    {
        const int calls = 10;
        var emptyYear = silo.Grains.GetGrain<IMemberTradeGrain>(new CooperativeYear(Scenario.CooperativeId, 2023).ToString());
        var fullYear = silo.Grains.GetGrain<IMemberTradeGrain>(new CooperativeYear(Scenario.CooperativeId, 2024).ToString());
        var seeded = scenario.Trade().Select(r => r with { Reference = r.Reference.Replace("2025", "2024"), Date = new DateOnly(2024, 9, 20) }).ToList();
        await silo.Storage.WriteStateAsync("member-trade", fullYear.GetGrainId(), new GrainState<MemberTradeState>(new MemberTradeState { Records = seeded }));

        async Task<TimeSpan> Time(IMemberTradeGrain grain, int year)
        {
            await grain.Summary(); // activate (reads the state) before timing
            var watch = Stopwatch.StartNew();
            for (var i = 1; i <= calls; i++)
                await grain.Record(new TradeRecord($"probe-{year}-{i}", Scenario.MemberId(i), 100_000, new DateOnly(year, 10, 1), TradeSource.Manual));
            return watch.Elapsed / calls;
        }

        return (await Time(emptyYear, 2023), await Time(fullYear, 2024));
    }
}

using System.Diagnostics;
using AgriLink.Domain.Dividends;
using AgriLink.Hosting;
using AgriLink.Tests.Shared;
using AgriLink.Storage.Ledger;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Dividends;

/// <summary>
/// The crash-and-resume test: the real app (<c>dotnet AgriLink.Web.dll</c>) is killed with SIGKILL while it
/// pays a declaration to 20,000 shareholders, after some and before all are paid; started again on the same data
/// folder, paying again pays every shareholder exactly once, and a third time pays nothing.
/// </summary>
/// <remarks>
/// Payment is only allowed after the public notice, and the app runs on the real clock, so the declaration is
/// prepared beforehand on the app's own data folder by a silo in the test process whose clock is set to January 2026.
/// Takes 40–60 s on a 2-core machine, most of it three app starts and the 20,000-member setup.
/// </remarks>
public sealed class PayCrashResumeTests
{
    /// <summary>20 payment batches of 1,000: enough for the run to be caught half-way.</summary>
    private const int Members = 20_000;

    private static readonly string Pay = $"/api/cooperatives/{CrashCooperative.Id}/dividends/{CrashCooperative.FiscalYear}/pay";

    [Fact]
    public async Task PayingProcessKilledMidRunResumesAndPaysEveryShareholderExactlyOnce()
    {
        SameBuild.AssertAppRunsTheTestsAssemblies();
        var watch = Stopwatch.StartNew();
        void Log(string message) => TestContext.Current.TestOutputHelper?.WriteLine($"{watch.Elapsed.TotalSeconds,6:F1} s  {message}");
        using var folder = new TempFolder();
        var databaseFile = new DataFolder(folder.Path).DatabaseFile;
        var payable = LedgerAccounts.CooperativeDividendsPayable(CrashCooperative.Id);
        var keyPrefix = $"dividend:{CrashCooperative.Year}:";
        var ledger = LedgerChecks.ReadOnly(databaseFile);

        // a. The real app seeds the demo and its accounts (operator is a platform admin), then goes away.
        await using (var seeding = await AppProcess.StartAsync(folder.Path))
            await seeding.KillAsync();
        Log("demo seeded by the app");

        // b. In January 2026: a cooperative of 20,000 members declares its 2025 dividend, publicised 5–11 January.
        var scenario = new CrashCooperative(Members);
        Grains.Dividends.DeclarationView publicised;
        await using (var silo = await PreparingSilo.StartAsync(folder.Path, new MovableClock(CrashCooperative.Anchor), Api.Ct))
            publicised = await scenario.PrepareAsync(silo.Grains);
        Assert.Equal(DeclarationStatus.Publicised, publicised.Declaration.Status);
        var total = publicised.Totals.TotalPaidFen;
        Assert.True(total > 0);
        Log($"declaration prepared, approved and publicised in the past: {publicised.LineCount:N0} lines, {total:N0} fen");

        // c. Today, after the notice: pay, and kill the app once some but not all shareholders are paid.
        long paidAtKill;
        await using (var paying = await AppProcess.StartAsync(folder.Path))
        {
            var token = await paying.Client.LoginAsync("operator", DemoData.Password);
            using var client = new HttpClient { BaseAddress = paying.BaseAddress, Timeout = TimeSpan.FromMinutes(5) }.WithBearer(token);
            await client.PassPlanAsync(CrashCooperative.Id, CrashCooperative.FiscalYear, Api.Ct);
            var pay = client.PostAsync(Pay, null, Api.Ct);
            var polling = Stopwatch.StartNew();
            long balance = 0, polls = 0;
            var partial = false;
            while (!pay.IsCompleted && polling.Elapsed < AppProcess.Patience)
            {
                balance = await ledger.BalanceAsync(payable, Api.Ct);
                polls++;
                // The appropriation credits the whole total to payable; each paid batch takes its part out.
                if (balance > 0 && balance < total)
                {
                    partial = true;
                    break;
                }
                await Task.Delay(5, Api.Ct);
            }
            if (partial) await paying.KillAsync();
            Assert.True(partial, pay.IsCompleted
                ? $"The payment finished before a partial state was seen ({polls} polls): raise {nameof(Members)}. {await Describe(pay)}"
                : $"No payment progress within {AppProcess.Patience.TotalSeconds} s (payable {balance}).\n{paying.Output}");
            Log($"killed mid-run after {polling.Elapsed.TotalSeconds:F1} s of paying and {polls} polls");

            // The request never got its answer, and the ledger holds a part of the payment.
            var failure = await Record.ExceptionAsync(() => pay);
            Assert.True(failure is HttpRequestException or TaskCanceledException, $"The pay request did not fail with the process: {failure}");
            var payableAtKill = await ledger.BalanceAsync(payable, Api.Ct);
            paidAtKill = await LedgerChecks.CountTransfersAsync(databaseFile, keyPrefix) - 1; // less the appropriation
            Assert.InRange(payableAtKill, 1, total - 1);
            Assert.InRange(paidAtKill, 1, Members - 1);
            Assert.Equal(total - payableAtKill, (await ledger.BalancesAsync(LedgerAccounts.ShareholderPrefixAll, Api.Ct)).Values.Sum());
            Log($"at the kill: {paidAtKill:N0} of {Members:N0} shareholders paid, {payableAtKill:N0} fen still payable");
        }

        // d. Started again on the same folder, paying again completes the run.
        await using var resumed = await AppProcess.StartAsync(folder.Path);
        var token2 = await resumed.Client.LoginAsync("operator", DemoData.Password);
        resumed.Client.WithBearer(token2);
        using var payer = new HttpClient { BaseAddress = resumed.BaseAddress, Timeout = TimeSpan.FromMinutes(5) }.WithBearer(token2);
        Assert.Equal("Publicised", await resumed.Client.DeclarationStatus(CrashCooperative.Id, CrashCooperative.FiscalYear));

        using (var second = await payer.Post(Pay))
        {
            var report = await second.AssertOk();
            Assert.False((bool)report["alreadyPaid"]!);
            Assert.Equal(paidAtKill + 1, (long)report["transfersAlreadyPosted"]!); // what the killed run posted, appropriation included
            Assert.Equal(Members - paidAtKill, (long)report["transfersPosted"]!);
            Assert.Equal(total, (long)report["totalPaidFen"]!);
        }
        Log("resumed payment finished");
        Assert.Equal("Paid", await resumed.Client.DeclarationStatus(CrashCooperative.Id, CrashCooperative.FiscalYear));

        var lines = await resumed.Client.AllLines(CrashCooperative.Id, CrashCooperative.FiscalYear);
        Assert.Equal(Members, lines.Count);
        Assert.Equal(total, lines.Sum(l => (long)l["paidFen"]!));
        var balances = await LedgerChecks.AssertEveryLinePaidOnceAsync(ledger, CrashCooperative.Id, lines);
        Assert.Equal(Members + 1, await LedgerChecks.CountTransfersAsync(databaseFile, keyPrefix));
        Log($"every one of {lines.Count:N0} shareholders holds exactly its line");

        // A third time pays nothing.
        using (var third = await payer.Post(Pay))
        {
            var report = await third.AssertOk();
            Assert.True((bool)report["alreadyPaid"]!);
            Assert.Equal(0, (long)report["transfersPosted"]!);
        }
        Assert.Equal(balances, await ledger.BalancesAsync(LedgerAccounts.ShareholderPrefixAll, Api.Ct));
        Assert.Equal(Members + 1, await LedgerChecks.CountTransfersAsync(databaseFile, keyPrefix));
        Assert.Equal(0, await ledger.BalanceAsync(payable, Api.Ct));
        Log("a third payment paid nothing");
    }

    private static async Task<string> Describe(Task<HttpResponseMessage> pay)
    {
        try
        {
            using var response = await pay;
            return $"It answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Api.Ct)}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"It failed: {e.Message}";
        }
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using AgriLink.Cluster.Tests.Infrastructure;
using AgriLink.Storage;
using AgriLink.Storage.Ledger;
using Npgsql;
using Xunit;

namespace AgriLink.Cluster.Tests;

/// <summary>
/// Issue 8's failure test for dividends: two silos and a web node on Redis and PostgreSQL pay a declaration to
/// thousands of shareholders, and the silo running the payment is SIGKILLed half-way. Paying again (as an operator
/// would after an error) completes it on the survivor: every shareholder is paid exactly once, by the ledger. Then the
/// whole cluster is killed and started again, and nothing paid is lost or paid twice.
/// </summary>
public sealed class DividendFailoverTests
{
    private const int Members = 8_000;

    private static readonly string Declaration = $"/api/cooperatives/{PastDeclaration.CooperativeId}/dividends/{PastDeclaration.FiscalYear}";

    [Fact]
    public async Task ASiloKilledMidPaymentLeavesEveryShareholderPaidExactlyOnce()
    {
        var watch = Stopwatch.StartNew();
        void Log(string message) => TestContext.Current.TestOutputHelper?.WriteLine($"{watch.Elapsed.TotalSeconds,6:F1} s  {message}");
        await using var cluster = await AgriLinkCluster.CreateAsync();
        var scenario = new PastDeclaration(Members);
        var total = await scenario.WriteAsync(cluster.Database);
        Assert.True(total > 0);
        Log($"declaration of {Members:N0} lines, {total:N0} fen, publicised in January 2026");

        var ledger = new SqlLedger(AgriLinkDatabase.Postgres(cluster.Database));
        var payable = LedgerAccounts.CooperativeDividendsPayable(PastDeclaration.CooperativeId);

        // The declaration grain is activated while silo A is alone, so the payment runs on A; then B joins.
        var (siloA, web) = await cluster.StartSiloAndWebAsync("silo-a", "web-1");
        using var operatorClient = await web.SignedInAsync("operator", TimeSpan.FromMinutes(5));
        Assert.Equal("Publicised", (string?)(await operatorClient.GetOk(Declaration))["declaration"]!["status"]);
        // The member assembly passes the plan (after its notice), as payment requires.
        await operatorClient.PassPlanAsync(PastDeclaration.CooperativeId, PastDeclaration.FiscalYear, TestServices.Ct);
        await cluster.StartSiloAsync("silo-b");
        Log("silo A, the web node and silo B are up");

        // The payment's grain call may wait out its 15-minute response timeout in the web node once its silo is gone,
        // so the interrupted request is not awaited before paying again: it is given up on afterwards.
        using var interruptedPay = new CancellationTokenSource();
        using var payer = new HttpClient { BaseAddress = web.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        payer.DefaultRequestHeaders.Authorization = operatorClient.DefaultRequestHeaders.Authorization;
        var pay = payer.PostAsync($"{Declaration}/pay", null, interruptedPay.Token);
        var polling = Stopwatch.StartNew();
        long balance = 0;
        while (!pay.IsCompleted && polling.Elapsed < AgriLinkCluster.Patience)
        {
            balance = await ledger.BalanceAsync(payable, TestServices.Ct);
            if (balance > 0 && balance < total) break; // appropriated, partly paid out
            await Task.Delay(5, TestServices.Ct);
        }
        Assert.True(balance > 0 && balance < total, pay.IsCompleted
            ? $"The payment finished before a partial state was seen: raise {nameof(Members)}."
            : $"No payment progress within {AgriLinkCluster.Patience.TotalSeconds} s (payable {balance}).");

        using var probe = new HttpClient { BaseAddress = web.BaseAddress, Timeout = Recovery.ProbeTimeout };
        probe.DefaultRequestHeaders.Authorization = operatorClient.DefaultRequestHeaders.Authorization;
        var recovery = await Recovery.KillAndMeasureAsync(siloA, async () =>
        {
            using var response = await probe.GetAsync(Declaration, TestServices.Ct);
            return response.IsSuccessStatusCode;
        });
        Recovery.Report("dividend payment (declaration grain)", recovery);
        var paidAtKill = await CountTransfersAsync(cluster.Database, scenario.LedgerKeyPrefix) - 1; // less the appropriation
        Log($"silo A killed with {paidAtKill:N0} of {Members:N0} paid; the declaration answered again after {recovery.TotalSeconds:F2} s");

        // Paying again finishes the run on silo B.
        var report = await PayAsync(operatorClient);
        await interruptedPay.CancelAsync();
        var interrupted = await Record.ExceptionAsync(async () =>
        {
            using var response = await pay;
            Assert.False(response.IsSuccessStatusCode, "The interrupted payment answered success.");
        });
        Assert.True(interrupted is null or HttpRequestException or TaskCanceledException, $"{interrupted}");
        Assert.False((bool)report["alreadyPaid"]!);
        Assert.Equal(total, (long)report["totalPaidFen"]!);
        Log($"paid again on the survivor: {report["transfersPosted"]} posted now, {report["transfersAlreadyPosted"]} already");
        var balances = await AssertPaidExactlyOnceAsync(operatorClient, cluster.Database, scenario);
        Assert.True((bool)(await PayAsync(operatorClient))["alreadyPaid"]!);

        // A restart of the whole cluster loses nothing paid, and pays nothing twice.
        await cluster.KillAllAsync();
        await Task.WhenAll(cluster.StartSiloAsync("silo-a2"), cluster.StartSiloAsync("silo-b2"));
        var restarted = await cluster.StartWebAsync("web-2");
        using var operatorAfter = await restarted.SignedInAsync("operator", TimeSpan.FromMinutes(5));
        Assert.Equal("Paid", (string?)(await operatorAfter.GetOk(Declaration))["declaration"]!["status"]);
        var again = await PayAsync(operatorAfter);
        Assert.True((bool)again["alreadyPaid"]!);
        Assert.Equal(0, (long)again["transfersPosted"]!);
        Assert.Equal(balances, await AssertPaidExactlyOnceAsync(operatorAfter, cluster.Database, scenario));
        Log("after killing and restarting the whole cluster: the same payments, none twice");
    }

    private static Task<JsonObject> PayAsync(HttpClient client) => client.SendOk(HttpMethod.Post, $"{Declaration}/pay");

    /// <summary>Each line's shareholder holds exactly its paid amount, nobody else was paid, one transfer each.</summary>
    private static async Task<IReadOnlyDictionary<string, long>> AssertPaidExactlyOnceAsync(HttpClient client, string database, PastDeclaration scenario)
    {
        Assert.Equal("Paid", (string?)(await client.GetOk(Declaration))["declaration"]!["status"]);
        var lines = new List<JsonObject>();
        while (true)
        {
            var page = await client.GetOk($"{Declaration}/lines?offset={lines.Count}&limit=200");
            var items = page["items"]!.AsArray();
            lines.AddRange(items.Select(i => i!.AsObject()));
            if (items.Count == 0 || lines.Count >= (int)page["total"]!) break;
        }
        Assert.Equal(scenario.Members, lines.Count);
        var ledger = new SqlLedger(AgriLinkDatabase.Postgres(database));
        var balances = await ledger.BalancesAsync(LedgerAccounts.ShareholderPrefixAll, TestServices.Ct);
        var wrong = lines
            .Select(l => (Holder: (string)l["shareholderId"]!, Paid: (long)l["paidFen"]!))
            .Where(l => balances.GetValueOrDefault(LedgerAccounts.ShareholderDividends(l.Holder)) != l.Paid)
            .Select(l => $"{l.Holder}: holds {balances.GetValueOrDefault(LedgerAccounts.ShareholderDividends(l.Holder))} fen, its line says {l.Paid}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} shareholders are wrong, e.g.\n{string.Join('\n', wrong.Take(10))}");
        Assert.Equal(lines.Count(l => (long)l["paidFen"]! != 0),
            balances.Count(b => b.Key.EndsWith(":dividends", StringComparison.Ordinal) && b.Value != 0));
        Assert.Equal(0, await ledger.BalanceAsync(LedgerAccounts.CooperativeDividendsPayable(PastDeclaration.CooperativeId), TestServices.Ct));
        Assert.Equal(scenario.Members + 1, await CountTransfersAsync(database, scenario.LedgerKeyPrefix)); // one each, and the appropriation
        return balances;
    }

    private static async Task<long> CountTransfersAsync(string database, string prefix)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestServices.Ct);
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM ledger_transfer WHERE starts_with(idempotency_key, @prefix)", connection);
        command.Parameters.AddWithValue("prefix", prefix);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestServices.Ct));
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using AgriLink.Benchmarks.FlashSale;
using AgriLink.Domain.Dividends;
using AgriLink.Grains.Dividends;
using AgriLink.Storage;
using AgriLink.Tests.Shared;
using Npgsql;

namespace AgriLink.Benchmarks.Cluster;

public sealed record ClusterOptions(
    string Postgres, string Redis, IReadOnlyList<int> SiloCounts, int Buyers, int Stock, int Rounds, int Shareholders, string Output);

/// <summary>
/// Issue 8's benchmark: the flash sale (issue 4) and the dividend payment (issue 3) on cluster mode, PostgreSQL and
/// Redis, with one and then two silos (<c>AgriLink.Silo</c> processes) behind one web node (<c>AgriLink.Web</c> as an
/// Orleans client), each beside its same-run baseline on a PostgreSQL database of its own: the flash-sale baseline
/// server and the bulk-insert ledger baseline. Every topology gets fresh databases and a cluster id of its own.
/// </summary>
public static class ClusterBenchmark
{
    public const string SiloReady = "AgriLink silo ready";
    public const string WebReady = "AgriLink is running.";
    private const string ServiceId = "agrilink"; // the cluster's (SiloOptions' default): the preparing silo writes its grain state

    public static async Task<ClusterResult> RunAsync(ClusterOptions options, Action<string> log)
    {
        var result = new ClusterResult(options, MachineInfo.Capture());
        foreach (var silos in options.SiloCounts)
        {
            log($"==== {silos} silo(s); load average {MachineInfo.LoadAverage()}");
            result.Topologies.Add(await RunTopologyAsync(options, silos, log));
        }

        return result;
    }

    private static async Task<TopologyResult> RunTopologyAsync(ClusterOptions options, int silos, Action<string> log)
    {
        var topology = new TopologyResult(silos) { LoadAtStart = MachineInfo.LoadAverage() };
        var folder = Directory.CreateTempSubdirectory("agrilink-cluster-bench-").FullName;
        try
        {
            var database = await CreateDatabaseAsync(options.Postgres, $"bench_{silos}silo");
            var scenario = new Scenario(options.Shareholders);

            // The declaration is prepared, approved and publicised (March 2026, so its notice is over) before the cluster starts.
            var prepared = await PrepareDeclarationAsync(database, scenario, log);

            var clusterId = $"bench-{Guid.NewGuid():N}";
            string[] common =
            [
                "--data", folder, "--AgriLink:Mode", "Cluster", "--ConnectionStrings:Redis", options.Redis, "--Orleans:ClusterId", clusterId,
                "--Storage:Provider", "PostgreSQL", "--ConnectionStrings:AgriLink", database,
            ];
            var nodes = new List<ServerProcess>();
            PaymentReport report;
            try
            {
                for (var i = 0; i < silos; i++)
                {
                    nodes.Add(await ServerProcess.StartAsync(Built("silo", "AgriLink.Silo"),
                    [
                        .. common,
                        "--urls", $"http://127.0.0.1:{FlashSaleBenchmark.FreePort()}", // its /health endpoints
                        "--Orleans:SiloPort", FlashSaleBenchmark.FreePort().ToString(CultureInfo.InvariantCulture),
                        "--Orleans:GatewayPort", FlashSaleBenchmark.FreePort().ToString(CultureInfo.InvariantCulture),
                    ], SiloReady, FlashSaleBenchmark.Patience));
                    log($"silo {i + 1} of {silos} up");
                }

                var webUrl = new Uri($"http://127.0.0.1:{FlashSaleBenchmark.FreePort()}");
                // A throwaway cluster: its data-protection keys need no encryption at rest (KeyEncryption).
                var web = await ServerProcess.StartAsync(FlashSaleBenchmark.WebDll(),
                    [.. common, "--urls", webUrl.ToString().TrimEnd('/'), "--DataProtection:AllowUnencryptedKeys", "true"], WebReady, FlashSaleBenchmark.Patience);
                nodes.Add(web);
                log($"web node up on {webUrl} (an Orleans client of the {silos}-silo cluster)");

                var baselineUrl = new Uri($"http://127.0.0.1:{FlashSaleBenchmark.FreePort()}");
                await using var baseline = await ServerProcess.StartAsync(typeof(BaselineServer).Assembly.Location,
                    ["flash-baseline-server", "--postgres", await CreateDatabaseAsync(options.Postgres, "bench_flash_baseline"), "--urls", baselineUrl.ToString().TrimEnd('/')],
                    BaselineServer.ReadyLine, FlashSaleBenchmark.Patience);

                topology.FlashSale = new FlashSaleResult(new FlashSaleOptions(options.Buyers, options.Stock, options.Rounds, null, false, options.Output), MachineInfo.Capture())
                {
                    BaselineName = "one conditional UPDATE … WHERE stock >= n, PostgreSQL",
                };
                var operatorToken = await FlashSaleBenchmark.RoundsAsync(web, webUrl, baseline, baselineUrl, topology.FlashSale.Options, topology.FlashSale, log);
                await baseline.KillAsync();

                // The dividend payment, timed from the request to its answer, through the web node.
                topology.LoadBeforePay = MachineInfo.LoadAverage();
                using var client = new HttpClient { BaseAddress = webUrl, Timeout = TimeSpan.FromMinutes(30) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", operatorToken);
                await client.PassPlanAsync(Scenario.CooperativeId, Scenario.FiscalYear);
                log($"paying {scenario.Shareholders:N0} shareholders through POST …/dividends/{Scenario.FiscalYear}/pay");
                var watch = Stopwatch.StartNew();
                using var response = await client.PostAsync($"/api/cooperatives/{Scenario.CooperativeId}/dividends/{Scenario.FiscalYear}/pay", null);
                topology.Pay = watch.Elapsed;
                await FlashSaleBenchmark.EnsureAsync(response, "pay the dividend");
                report = JsonSerializer.Deserialize<PaymentReport>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;
                log($"paid in {Format.Seconds(topology.Pay)}: {report.TransfersPosted:N0} transfers");
            }
            finally
            {
                foreach (var node in nodes) await node.DisposeAsync();
            }

            // Verified with the cluster stopped, by a silo of its own on the same database (every line paid once, exactly).
            await using (var verifier = await BenchmarkSilo.StartAsync(AgriLinkDatabase.Postgres(database), TimeProvider.System, $"verify-{Guid.NewGuid():N}", ServiceId))
            {
                var declaration = verifier.Grains.GetGrain<IDividendDeclarationGrain>(Scenario.Year.ToString());
                var check = new DividendsResult();
                var lines = await DividendsBenchmark.VerifyAsync(verifier, declaration, scenario, prepared, report, check, log);
                topology.Verification = check.Verification;

                var rows = DividendsBenchmark.BaselineRows(lines, scenario);
                for (var run = 1; run <= 3; run++)
                {
                    var b = await LedgerBaseline.RunAsync(AgriLinkDatabase.Postgres(await CreateDatabaseAsync(options.Postgres, "bench_ledger_baseline")), rows, DateTimeOffset.UtcNow);
                    topology.PayBaselines.Add(b.Elapsed);
                    log($"ledger baseline #{run}: {b.Transfers:N0} transfers in {Format.Seconds(b.Elapsed)}");
                }
            }

            topology.LoadAtEnd = MachineInfo.LoadAverage();
            return topology;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Setup as the dividends benchmark does it, then prepare → approve → publicise on 2 March 2026 (untimed).</summary>
    private static async Task<DeclarationView> PrepareDeclarationAsync(string database, Scenario scenario, Action<string> log)
    {
        var clock = new BenchmarkClock(Scenario.Anchor);
        await using var silo = await BenchmarkSilo.StartAsync(AgriLinkDatabase.Postgres(database), clock, $"prepare-{Guid.NewGuid():N}", ServiceId);
        await DividendsBenchmark.SetupAsync(silo, scenario, TradeSeeding.Storage, new DividendsResult(), log);
        var declaration = silo.Grains.GetGrain<IDividendDeclarationGrain>(Scenario.Year.ToString());
        var prepared = await declaration.Prepare(scenario.Figures, Scenario.Preparer);
        await declaration.Approve(Scenario.Approver);
        await declaration.Publicise(clock.Today, clock.Today.AddDays(Scenario.Charter.NoticeDays - 1), Scenario.Approver);
        log($"declaration of {prepared.LineCount:N0} lines prepared, approved and publicised (2 March 2026)");
        return prepared;
    }

    /// <summary>A fresh database on the server of <paramref name="server"/> (a superuser's connection string); its connection string.</summary>
    private static async Task<string> CreateDatabaseAsync(string server, string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        // A burst queues thousands of requests on one row: waiting for a pooled connection or a row lock may take
        // longer than Npgsql's defaults (15 s, 30 s), and that wait is what is measured, not an error. Pools stay at 64
        // connections a process, so the web node, the silos and the baseline together stay under max_connections.
        return new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 64, Timeout = 300, CommandTimeout = 300 }.ConnectionString;
    }

    /// <summary>A program's build output in this benchmark's configuration and framework (e.g. bin/Release/net10.0).</summary>
    private static string Built(string folder, string project)
    {
        var web = FlashSaleBenchmark.WebDll(); // …/web/AgriLink.Web/bin/Release/net10.0/AgriLink.Web.dll
        var output = Path.GetDirectoryName(web)!;
        var root = Path.GetFullPath(Path.Combine(output, "..", "..", "..", "..", ".."));
        var relative = Path.GetRelativePath(Path.Combine(root, "web", "AgriLink.Web"), output);
        var dll = Path.Combine(root, folder, project, relative, project + ".dll");
        return File.Exists(dll) ? dll : throw new BenchmarkFailedException($"{dll} is not built (dotnet build -c Release first).");
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgriLink.Benchmarks.FlashSale;

public sealed record FlashSaleOptions(int Buyers, int Stock, int Rounds, string? Data, bool Keep, string Output)
{
    /// <summary>A folder for an EventPipe trace (CPU samples) of AgriLink.Web during each measured system burst, or null.</summary>
    public string? Trace { get; init; }
}

/// <summary>
/// The flash sale of issue 4: one listing with <see cref="FlashSaleOptions.Stock"/> units, <see cref="FlashSaleOptions.Buyers"/>
/// buyers each ordering one unit at the same moment through the HTTP API on loopback; beside it, in the same run, the same
/// burst against <see cref="BaselineServer"/>. Both servers are separate processes on the same machine; rounds alternate.
/// </summary>
public static class FlashSaleBenchmark
{
    private const string Password = "AgriLink#2026";
    private const string CooperativeId = "coop-pzcili";
    internal static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static async Task<FlashSaleResult> RunAsync(FlashSaleOptions options, Action<string> log)
    {
        var folder = options.Data ?? Path.Combine(Path.GetTempPath(), $"agrilink-flash-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var result = new FlashSaleResult(options, MachineInfo.Capture());
        try
        {
            var appData = Path.Combine(folder, "app");
            var appArgs = AppArgs(appData, out var appUrl);
            log($"Starting AgriLink.Web on {appUrl} (data {appData}); first start seeds the demo");
            await using var app = await ServerProcess.StartAsync(WebDll(), appArgs, "AgriLink is running.", Patience);
            var baselineUrl = new Uri($"http://127.0.0.1:{FreePort()}");
            log($"Starting the baseline server on {baselineUrl}");
            await using var baseline = await ServerProcess.StartAsync(typeof(BaselineServer).Assembly.Location,
                ["flash-baseline-server", "--db", Path.Combine(folder, "baseline.db"), "--urls", baselineUrl.ToString().TrimEnd('/')],
                BaselineServer.ReadyLine, Patience);

            await RoundsAsync(app, appUrl, baseline, baselineUrl, options, result, log);

            // Every order the API acknowledged must survive kill -9: kill, restart on the same data, look each one up.
            log("kill -9 AgriLink.Web, restart on the same data, and look up every acknowledged order");
            await app.KillAsync();
            await using var restarted = await ServerProcess.StartAsync(WebDll(), AppArgs(appData, out var restartUrl), "AgriLink is running.", Patience);
            using var after = new HttpClient { BaseAddress = restartUrl, Timeout = TimeSpan.FromMinutes(2) };
            await WaitReadyAsync(after);
            var token = await LoginAsync(after, "operator");
            after.DefaultRequestHeaders.Authorization = new("Bearer", token);
            foreach (var run in result.System)
            {
                var missing = 0;
                foreach (var id in run.AcceptedOrderIds)
                {
                    using var response = await after.GetAsync($"/api/orders/{id}");
                    if (response.StatusCode != HttpStatusCode.OK) missing++;
                }

                var listing = await after.GetFromJsonAsync<JsonObject>($"/api/listings/{run.ListingId}");
                var stock = ReadStock(listing!);
                run.PersistedAfterKill = run.AcceptedOrderIds.Count - missing;
                if (missing > 0 || stock != options.Stock - run.Accepted)
                    throw new BenchmarkFailedException($"After kill -9: {missing} acknowledged orders of {run.ListingId} missing, stock {stock} (expected {options.Stock - run.Accepted}).");
            }

            // The engines alone, without HTTP, after the servers are gone (so the machine is quiet).
            await restarted.KillAsync();
            await baseline.KillAsync();
            var (coreSystem, coreBaseline) = await CoreFlashSale.RunAsync(folder, options.Buyers, options.Stock, log);
            if (coreSystem.Accepted > options.Stock || coreSystem.StockLeft != options.Stock - coreSystem.Accepted || coreSystem.Other > 0)
                throw new BenchmarkFailedException($"Core run: {coreSystem.Accepted} accepted of {options.Stock}, stock left {coreSystem.StockLeft}, {coreSystem.Other} errors.");
            if (coreBaseline.Accepted > options.Stock || coreBaseline.Other > 0)
                throw new BenchmarkFailedException($"Core baseline: {coreBaseline.Accepted} accepted of {options.Stock}, {coreBaseline.Other} errors.");
            result.CoreSystem = coreSystem;
            result.CoreBaseline = coreBaseline;
            log($"  core: system {coreSystem.AcceptedPerSecond:F0}/s, baseline {coreBaseline.AcceptedPerSecond:F0}/s");
            return result;
        }
        finally
        {
            if (!options.Keep && options.Data is null)
            {
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }

    /// <summary>
    /// The measured part, on servers already running (AgriLink as one web node, embedded or in front of a cluster, and
    /// the baseline): buyers registered, connections warmed, two warm-up sales on each, then <see cref="FlashSaleOptions.Rounds"/>
    /// alternating bursts, each verified. Adds the runs to <paramref name="result"/>; returns the operator's token.
    /// </summary>
    internal static async Task<string> RoundsAsync(ServerProcess app, Uri appUrl, ServerProcess baseline, Uri baselineUrl,
        FlashSaleOptions options, FlashSaleResult result, Action<string> log)
    {
        using var setup = new HttpClient { BaseAddress = appUrl, Timeout = TimeSpan.FromMinutes(2) };
        await WaitReadyAsync(setup);
        var operatorToken = await LoginAsync(setup, "operator");
        var coopToken = await LoginAsync(setup, "coop.panzhou");
        log($"Registering {options.Buyers} buyers through POST /api/buyers");
        var buyers = await RegisterBuyersAsync(setup, operatorToken, options.Buyers);

        using var system = new LoadDriver(appUrl, operatorToken);
        using var conventional = new LoadDriver(baselineUrl);
        log($"Opening {options.Buyers} connections to each server and warming up");
        await system.WarmConnectionsAsync("/health/live", options.Buyers);
        await conventional.WarmConnectionsAsync("/health", options.Buyers);
        // Two untimed flash sales of the same shape on each server first, so the rounds measure warm code (JIT tiers, pools).
        for (var warmUp = 1; warmUp <= 2; warmUp++)
        {
            var warm = await CreateListingAsync(setup, coopToken, options.Stock, $"预热{warmUp}");
            await system.BurstAsync("/api/orders", buyers.Select(b => Order(b, warm)).ToList());
            await Setup(conventional.Client, $"warm-{warmUp}", options.Stock);
            await conventional.BurstAsync("/orders", buyers.Select(b => new BaselineOrder($"warm-{warmUp}", b, 1)).ToList());
        }

        for (var round = 1; round <= options.Rounds; round++)
        {
            var listingId = await CreateListingAsync(setup, coopToken, options.Stock, $"第{round}轮");
            var bodies = buyers.Select(b => Order(b, listingId)).ToList();
            app.ResetPeakMemory();
            log($"Round {round}: system burst of {bodies.Count} orders on {listingId} (stock {options.Stock})");
            var before = await BurstProbe.ReadSystemAsync(setup);
            var trace = options.Trace is null ? null : TraceSession.Start(app.Pid, Path.Combine(options.Trace, $"flash-sale-round{round}.nettrace"));
            var (shots, elapsed) = await system.BurstAsync("/api/orders", bodies);
            if (trace is not null) await trace.DisposeAsync();
            var peak = app.PeakMemoryBytes();
            var after = await BurstProbe.ReadSystemAsync(setup);
            var systemRun = await VerifySystemAsync(setup, operatorToken, listingId, options.Stock, shots, elapsed, peak);
            systemRun.Counts = after is null || before is null ? null : after - before;
            result.System.Add(systemRun);
            log($"  system: {systemRun.Accepted} accepted in {elapsed.TotalMilliseconds:F0} ms → {systemRun.AcceptedPerSecond:F0}/s, p99 {systemRun.P99Ms:F0} ms{systemRun.CountsText()} · load {MachineInfo.LoadAverage()}");

            var baselineListing = $"flash-{round}";
            await Setup(conventional.Client, baselineListing, options.Stock);
            baseline.ResetPeakMemory();
            log($"Round {round}: baseline burst of {bodies.Count} orders");
            var baseBefore = await BurstProbe.ReadBaselineAsync(conventional.Client);
            var (baseShots, baseElapsed) = await conventional.BurstAsync("/orders",
                buyers.Select(b => new BaselineOrder(baselineListing, b, 1)).ToList());
            var baseAfter = await BurstProbe.ReadBaselineAsync(conventional.Client);
            var baselineRun = await VerifyBaselineAsync(conventional.Client, baselineListing, options.Stock, baseShots, baseElapsed, baseline.PeakMemoryBytes());
            baselineRun.Counts = baseAfter is null || baseBefore is null ? null : baseAfter - baseBefore;
            result.Baseline.Add(baselineRun);
            log($"  baseline: {baselineRun.Accepted} accepted in {baseElapsed.TotalMilliseconds:F0} ms → {baselineRun.AcceptedPerSecond:F0}/s, p99 {baselineRun.P99Ms:F0} ms{baselineRun.CountsText()} · load {MachineInfo.LoadAverage()}");
        }

        return operatorToken;
    }

    private static object Order(string buyerId, string listingId) => new
    {
        buyerId,
        paymentMethod = "Invoice",
        lines = new[] { new { listingId, quantity = 1m } },
        deliveryRegionCode = "520102",
        deliveryAddress = "贵阳市南明区机关食堂",
    };

    private static async Task<RunResult> VerifySystemAsync(HttpClient setup, string token, string listingId, int stock,
        IReadOnlyList<Shot> shots, TimeSpan elapsed, long peak)
    {
        var run = RunResult.From(listingId, shots, elapsed, peak);
        foreach (var shot in shots.Where(s => s.Status == HttpStatusCode.Created))
            run.AcceptedOrderIds.Add(JsonNode.Parse(shot.Body)!["id"]!.GetValue<string>());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/listings/{listingId}");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await setup.SendAsync(request);
        var left = ReadStock((await response.Content.ReadFromJsonAsync<JsonObject>())!);
        run.StockLeft = left;
        Check(run, stock, left);
        return run;
    }

    private static async Task<RunResult> VerifyBaselineAsync(HttpClient client, string listingId, int stock,
        IReadOnlyList<Shot> shots, TimeSpan elapsed, long peak)
    {
        var run = RunResult.From(listingId, shots, elapsed, peak);
        var verification = (await client.GetFromJsonAsync<BaselineVerification>($"/verify/{listingId}"))!;
        run.StockLeft = verification.Stock;
        if (verification.Orders != run.Accepted)
            throw new BenchmarkFailedException($"Baseline: {run.Accepted} acknowledged but {verification.Orders} order rows.");
        Check(run, stock, verification.Stock);
        return run;
    }

    private static void Check(RunResult run, int stock, decimal left)
    {
        if (run.Accepted > stock) throw new BenchmarkFailedException($"OVERSOLD: {run.Accepted} orders accepted for a stock of {stock}.");
        if (left != stock - run.Accepted) throw new BenchmarkFailedException($"Stock left {left} but {run.Accepted} of {stock} sold.");
        if (run.Other > 0) throw new BenchmarkFailedException($"{run.Other} responses were neither 201 nor 409: {run.FirstOther}");
        if (run.Accepted < stock && run.Rejected > 0)
            throw new BenchmarkFailedException($"Only {run.Accepted} of {stock} sold yet {run.Rejected} orders were refused.");
    }

    private static decimal ReadStock(JsonObject listing) =>
        (listing["draft"]?["stock"] ?? listing["stock"])!.GetValue<decimal>();

    private static async Task<string> CreateListingAsync(HttpClient client, string token, int stock, string label)
    {
        var draft = new
        {
            title = $"盘州刺梨原浆 秒杀{label}", category = "Processed", unit = "Box", priceFen = 6800L, stock = (decimal)stock, minOrder = 1m,
            countyCode = "520281", village = "舍烹村", specification = "500毫升×6瓶",
        };
        using var create = new HttpRequestMessage(HttpMethod.Post, $"/api/cooperatives/{CooperativeId}/listings") { Content = JsonContent.Create(draft) };
        create.Headers.Authorization = new("Bearer", token);
        using var created = await client.SendAsync(create);
        await EnsureAsync(created, "create the listing");
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/listings/{id}/publish");
        publish.Headers.Authorization = new("Bearer", token);
        using var published = await client.SendAsync(publish);
        await EnsureAsync(published, "publish the listing");
        return id;
    }

    private static async Task<List<string>> RegisterBuyersAsync(HttpClient client, string token, int count)
    {
        var ids = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var profile = new
            {
                name = $"压测买家{i + 1:D4}", type = "Individual", regionCode = "520102", contactName = $"买家{i + 1}",
                phone = $"139{i + 1:D8}",
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/buyers") { Content = JsonContent.Create(profile) };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request, ct);
            await EnsureAsync(response, "register a buyer");
            ids[i] = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!.GetValue<string>();
        });
        return [.. ids];
    }

    private static async Task Setup(HttpClient client, string listingId, int stock)
    {
        using var response = await client.PostAsJsonAsync("/setup", new SetupRequest(listingId, stock));
        await EnsureAsync(response, "set up the baseline listing");
    }

    internal static async Task<string> LoginAsync(HttpClient client, string user)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = Password });
        await EnsureAsync(response, $"sign in as {user}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    internal static async Task WaitReadyAsync(HttpClient client)
    {
        for (var i = 0; i < 120; i++)
        {
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        throw new BenchmarkFailedException("/health/ready never answered 200.");
    }

    internal static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (response.IsSuccessStatusCode) return;
        throw new BenchmarkFailedException($"Could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    internal static List<string> AppArgs(string data, out Uri url)
    {
        url = new Uri($"http://127.0.0.1:{FreePort()}");
        return
        [
            "--data", data, "--urls", url.ToString().TrimEnd('/'),
            "--Orleans:SiloPort", FreePort().ToString(CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", FreePort().ToString(CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>When set (<c>--ports FIRST</c>), servers get free ports from FIRST up (at most 100), not any the OS picks.</summary>
    internal static int? PortBase { get; set; }

    private static int s_portsTaken;

    internal static int FreePort()
    {
        if (PortBase is { } first)
        {
            while (true)
            {
                var port = first + Interlocked.Increment(ref s_portsTaken) - 1;
                if (port >= first + 100) throw new BenchmarkFailedException($"No free port left in {first}-{first + 99}.");
                try
                {
                    using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
                    taken.Start();
                    return port;
                }
                catch (System.Net.Sockets.SocketException)
                {
                }
            }
        }

        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The web project's build output in the same configuration as this benchmark.</summary>
    internal static string WebDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "AgriLink.sln"))) continue;
            var relative = Path.GetRelativePath(Path.Combine(dir.FullName, "tests", "AgriLink.Benchmarks"), output.FullName);
            return Path.Combine(dir.FullName, "web", "AgriLink.Web", relative, "AgriLink.Web.dll");
        }

        throw new BenchmarkFailedException("Cannot find the repository root (AgriLink.sln) above " + output.FullName);
    }
}

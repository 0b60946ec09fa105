using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgriLink.Cluster.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Cluster.Tests;

/// <summary>
/// Issue 8's failure test for the marketplace: two silos and a web node on Redis and PostgreSQL sell one listing of
/// limited stock to many buyers at once, through the HTTP API, and the silo holding the listing is SIGKILLed mid-sale.
/// Buyers act as real clients: a failed request is sent again with the same Idempotency-Key until it is answered.
/// Then the whole cluster is killed and started again.
/// </summary>
public sealed class FlashSaleFailoverTests
{
    private const int Buyers = 80;
    private const int Stock = 40;
    private const int Concurrency = 12;
    private const string CooperativeId = "coop-pzcili";

    [Fact]
    public async Task ASiloKilledMidSaleLosesNoAcknowledgedOrderAndOversellsNothing()
    {
        var watch = Stopwatch.StartNew();
        void Log(string message) => TestContext.Current.TestOutputHelper?.WriteLine($"{watch.Elapsed.TotalSeconds,6:F1} s  {message}");
        await using var cluster = await AgriLinkCluster.CreateAsync();

        // The listing is created while silo A is the only silo, so its grain lives on A; then B joins.
        var (siloA, web) = await cluster.StartSiloAndWebAsync("silo-a", "web-1");
        Log("silo A and the web node are up, demo seeded");
        using var operatorClient = await web.SignedInAsync("operator");
        using var coop = await web.SignedInAsync("coop.panzhou");
        var buyers = await RegisterBuyersAsync(operatorClient);
        var listingId = await CreateListingAsync(coop);
        var siloB = await cluster.StartSiloAsync("silo-b");
        Log($"{Buyers} buyers, listing {listingId} with stock {Stock} on silo A; silo B joined");

        await using var live = await LiveStock.FollowAsync(web, await web.Client.LoginAsync("buyer.canteen"), listingId);

        // The sale: Concurrency buyers at a time; silo A is killed once a third of the stock is sold.
        var acknowledged = new ConcurrentDictionary<string, string>(); // buyer → order id
        var refused = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        var faults = new ConcurrentBag<string>();
        var killAt = Stock / 3;
        var kill = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var orders = new HttpClient { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        orders.DefaultRequestHeaders.Authorization = operatorClient.DefaultRequestHeaders.Authorization;
        var sale = Parallel.ForEachAsync(buyers, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = TestServices.Ct }, async (buyer, ct) =>
        {
            var key = $"flash-{buyer}";
            var started = Stopwatch.StartNew();
            while (true)
            {
                Assert.True(started.Elapsed < AgriLinkCluster.Patience, $"{buyer}'s order was never answered: {string.Join(" | ", failures.Take(5))}");
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(Order(buyer, listingId)) };
                    request.Headers.Add("Idempotency-Key", key);
                    using var response = await orders.SendAsync(request, ct);
                    var body = await response.Content.ReadAsStringAsync(ct);
                    // 201 placed it; 200 is the replay of an order this key already placed (its first answer was lost with
                    // the killed silo): acknowledged either way.
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        acknowledged[buyer] = (string)JsonNode.Parse(body)!["id"]!;
                        if (acknowledged.Count >= killAt) kill.TrySetResult();
                        return;
                    }
                    if ((int)response.StatusCode is >= 400 and < 500)
                    {
                        refused.Add($"{buyer}: {(int)response.StatusCode} {body}");
                        return;
                    }
                    failures.Add($"{(int)response.StatusCode} {body}");
                    // A request the dying silo left unanswered is a 503 with Retry-After (Orleans:ResponseTimeout), never another 5xx.
                    if (response.StatusCode != HttpStatusCode.ServiceUnavailable || response.Headers.RetryAfter is null)
                        faults.Add($"{(int)response.StatusCode} (Retry-After {response.Headers.RetryAfter}) {body}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    failures.Add(e.Message);
                }
                await Task.Delay(200, ct);
            }
        });

        await Task.WhenAny(kill.Task, sale);
        Assert.True(kill.Task.IsCompleted, $"The sale ended before {killAt} orders were acknowledged: {acknowledged.Count}; refused e.g. {refused.FirstOrDefault()}");
        using var probe = new HttpClient { BaseAddress = web.BaseAddress, Timeout = Recovery.ProbeTimeout };
        probe.DefaultRequestHeaders.Authorization = coop.DefaultRequestHeaders.Authorization;
        var recovery = await Recovery.KillAndMeasureAsync(siloA, async () =>
        {
            using var response = await probe.GetAsync($"/api/listings/{listingId}", TestServices.Ct);
            return response.IsSuccessStatusCode;
        });
        Recovery.Report("flash sale (listing grain)", recovery);
        Log($"silo A killed after {killAt}+ acknowledged orders; the listing answered again after {recovery.TotalSeconds:F2} s");
        await sale;
        Log($"sale over: {acknowledged.Count} acknowledged, {refused.Count} refused, {failures.Count} failed attempts retried");

        // Zero oversell, and every unit sold exactly once: the stock went to the acknowledged orders and nowhere else.
        var finalStock = await StockAsync(coop, listingId);
        Assert.True(acknowledged.Count <= Stock, $"OVERSOLD: {acknowledged.Count} orders acknowledged for a stock of {Stock}.");
        Assert.Equal(Stock - acknowledged.Count, finalStock);
        Assert.Equal(Stock, acknowledged.Count); // more buyers than stock, each answered: the whole stock is sold
        Assert.All(refused, r => Assert.Contains("409", r, StringComparison.Ordinal));
        Assert.True(faults.IsEmpty, $"Answers other than 503 with Retry-After while the silo died: {string.Join(" | ", faults.Take(5))}\n{Unhandled(web.Output)}");
        await AssertOrdersAsync(operatorClient, buyers, acknowledged);
        Log("every acknowledged order is stored, and no other order holds the listing");

        // The standalone silo reports like the web node: the orders it took after A died are counted where they were decided.
        var metrics = await siloB.Client.GetStringAsync("/metrics", TestServices.Ct);
        Assert.Matches(@"agrilink_orders_placed_total\{[^}]*\} [1-9]", metrics);
        Assert.Contains("# TYPE orleans_catalog_activations gauge", metrics, StringComparison.Ordinal);

        // The SignalR client ends with the final stock. A feed grain lost with silo A forgets the web node's
        // subscription until its next renewal (5 s in cluster mode), so events from then on are heard: if the sale's
        // last event fell in that window, the cooperative re-sets the stock to its value, an event that carries it.
        var heard = Stopwatch.StartNew();
        while (live.Stock != finalStock && heard.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(TimeSpan.FromSeconds(6), TestServices.Ct);
            if (live.Stock != finalStock) await coop.SendOk(HttpMethod.Put, $"/api/listings/{listingId}/stock", new { stock = finalStock });
        }
        Assert.Equal(finalStock, live.Stock);
        Log($"the SignalR client heard {live.Events} stock events and ends at stock {live.Stock}");

        // A restart of the whole cluster loses nothing that was acknowledged.
        await cluster.KillAllAsync();
        await Task.WhenAll(cluster.StartSiloAsync("silo-a2"), cluster.StartSiloAsync("silo-b2"));
        var restarted = await cluster.StartWebAsync("web-2");
        using var operatorAfter = await restarted.SignedInAsync("operator");
        Assert.Equal(finalStock, await StockAsync(operatorAfter, listingId));
        await AssertOrdersAsync(operatorAfter, buyers, acknowledged);
        Log("after killing and restarting the whole cluster: the same orders and stock");
    }

    /// <summary>The web node's first logged unhandled error, with its exception, for the failure message.</summary>
    private static string Unhandled(string output) =>
        output.IndexOf("Unhandled error", StringComparison.Ordinal) is var at and >= 0 ? output[at..Math.Min(output.Length, at + 3000)] : "(no unhandled error logged)";

    private static object Order(string buyerId, string listingId) => new
    {
        buyerId, paymentMethod = "Invoice", lines = new[] { new { listingId, quantity = 1m } },
        deliveryRegionCode = "520102", deliveryAddress = "贵阳市南明区机关食堂",
    };

    /// <summary>
    /// Each acknowledged order is there for its buyer, and the buyers' order lists (read models the orders post to,
    /// retried by the order after a crash) come to hold exactly the acknowledged orders: no order the API refused.
    /// </summary>
    private static async Task AssertOrdersAsync(HttpClient client, IReadOnlyList<string> buyers, IReadOnlyDictionary<string, string> acknowledged)
    {
        foreach (var (buyer, orderId) in acknowledged)
            Assert.Equal(buyer, (string?)(await client.GetOk($"/api/orders/{orderId}"))["buyerId"]);
        var expected = acknowledged.Values.Order(StringComparer.Ordinal).ToList();
        var patience = Stopwatch.StartNew();
        while (true)
        {
            var listed = new List<string>();
            foreach (var buyer in buyers)
                listed.AddRange((await client.GetOk($"/api/buyers/{buyer}/orders"))["items"]!.AsArray().Select(i => (string)i!["orderId"]!).Distinct());
            if (listed.Order(StringComparer.Ordinal).SequenceEqual(expected) || patience.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(2), TestServices.Ct);
        }
    }

    private static async Task<decimal> StockAsync(HttpClient client, string listingId) =>
        (decimal)(await client.GetOk($"/api/listings/{listingId}"))["draft"]!["stock"]!;

    private static async Task<string> CreateListingAsync(HttpClient coop)
    {
        var created = await coop.SendOk(HttpMethod.Post, $"/api/cooperatives/{CooperativeId}/listings", new
        {
            title = "盘州刺梨原浆 集群秒杀", category = "Processed", unit = "Box", priceFen = 6800L, stock = (decimal)Stock, minOrder = 1m,
            countyCode = "520281", village = "舍烹村", specification = "500毫升×6瓶",
        });
        var id = (string)created["id"]!;
        await coop.SendOk(HttpMethod.Post, $"/api/listings/{id}/publish");
        return id;
    }

    private static async Task<List<string>> RegisterBuyersAsync(HttpClient operatorClient)
    {
        var ids = new string[Buyers];
        await Parallel.ForAsync(0, Buyers, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestServices.Ct }, async (i, _) =>
        {
            var created = await operatorClient.SendOk(HttpMethod.Post, "/api/buyers", new
            {
                name = $"集群买家{i + 1:D4}", type = "Individual", regionCode = "520102", contactName = $"买家{i + 1}",
                phone = $"138{i + 1:D8}",
            });
            ids[i] = (string)created["id"]!;
        });
        return [.. ids];
    }
}

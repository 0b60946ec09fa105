using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using AgriLink.Web.Tests.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// The province issue's crash test: a burst of registrations, listing changes and orders against the real app, killed
/// with SIGKILL mid-burst, then restarted on the same data folder. Every acknowledged change has its audit entry, every
/// projection equals a rebuild from the grain states row for row, and the search index and a reconnecting live client
/// catch up on every change after what they had acknowledged.
/// </summary>
public sealed class CrashConsistencyTests
{
    private const string Cooperative = "coop-xwkiwi";
    private const string Topic = "coop:" + Cooperative;

    [Fact]
    public async Task AfterKillDashNineNothingAcknowledgedIsMissingDownstream()
    {
        using var folder = new TempFolder();
        var households = new ConcurrentBag<string>();
        var stocks = new ConcurrentBag<(string Listing, decimal Stock)>();
        var orders = new ConcurrentBag<string>();
        var published = new List<(string Id, string Word)>();
        var heard = new ConcurrentDictionary<long, JsonElement>();

        await using (var first = await AppProcess.StartAsync(folder.Path))
        {
            var operatorToken = await first.Client.LoginAsync("operator", DemoData.Password);
            var coopToken = await first.Client.LoginAsync("coop.xiuwen", DemoData.Password);
            var buyerToken = await first.Client.LoginAsync("buyer.canteen", DemoData.Password);
            await using var live = await LiveClient.ConnectAsync(first, "coop.xiuwen", e => heard[e.GetProperty("position").GetInt64()] = e);
            await live.InvokeAsync("Join", Topic, Api.Ct);

            // Listings published before the burst, each with a word of its own to search for afterwards.
            for (var i = 0; i < 4; i++)
            {
                var word = $"崩溃{(char)('甲' + i)}号猕猴桃";
                var id = await Send(first, coopToken, HttpMethod.Post, $"/api/cooperatives/{Cooperative}/listings", Listings.KiwiDraft(word, stock: 5000));
                await Send(first, coopToken, HttpMethod.Post, $"/api/listings/{id}/publish", null);
                published.Add((id, word));
            }

            var burst = new List<Task>();
            for (var i = 0; i < 40; i++)
            {
                burst.Add(Acknowledged(async () => households.Add(await Send(first, operatorToken, HttpMethod.Post, "/api/households",
                    Household($"崩溃测试户{i}")))));
                var (listing, _) = published[i % published.Count];
                var stock = 100 + i;
                burst.Add(Acknowledged(async () =>
                {
                    await Send(first, coopToken, HttpMethod.Put, $"/api/listings/{listing}/stock", JsonNode.Parse($$"""{"stock":{{stock}}}"""));
                    stocks.Add((listing, stock));
                }));
                burst.Add(Acknowledged(async () => orders.Add(await Send(first, buyerToken, HttpMethod.Post, "/api/orders", Order()))));
            }

            // Killed once part of the burst was acknowledged and the rest is still in flight.
            var clock = Stopwatch.StartNew();
            while ((households.Count < 5 || stocks.Count < 5 || orders.Count < 5) && clock.Elapsed < TimeSpan.FromSeconds(60))
                await Task.Delay(20, Api.Ct);
            await first.KillAsync();
            await Task.WhenAll(burst);
        }

        Assert.NotEmpty(households);
        Assert.NotEmpty(stocks);
        Assert.NotEmpty(orders);
        var lastHeard = heard.Keys.DefaultIfEmpty(0).Max();

        await using (var second = await AppProcess.StartAsync(folder.Path))
        {
            var operatorToken = await second.Client.LoginAsync("operator", DemoData.Password);

            // (a) Every acknowledged change that is audited has its entry.
            foreach (var id in households)
                Assert.Contains("household.register", await AuditActions(second, operatorToken, "household", id));
            foreach (var (listing, stock) in stocks)
            {
                var entries = await Get(second, operatorToken, $"/api/audit?resourceType=listing&resourceId={listing}&limit=200");
                Assert.Contains(entries.AsArray(), e => (string)e!["action"]! == "listing.set-stock"
                    && (decimal)JsonNode.Parse((string)e["after"]!)!["draft"]!["stock"]! == stock);
            }

            // Acknowledged orders are in the buyer's list (a projection written with the order).
            var buyerToken = await second.Client.LoginAsync("buyer.canteen", DemoData.Password);
            var listed = (await Get(second, buyerToken, "/api/buyers/buyer-gzcanteen/orders?limit=200"))["items"]!.AsArray()
                .Select(o => (string)o!["orderId"]!).ToHashSet();
            Assert.Subset(listed, orders.ToHashSet());

            // (c) The search index catches up from the outbox: each published listing is found with its latest stock.
            foreach (var (id, word) in published)
            {
                var stock = (decimal)(await Get(second, operatorToken, $"/api/listings/{id}"))["draft"]!["stock"]!;
                await Eventually(async () =>
                {
                    var hits = (await Get(second, null, $"/api/search/listings?q={Uri.EscapeDataString(word)}"))["items"]!.AsArray();
                    return hits.Any(h => (string)h!["listingId"]! == id && (decimal)h["stock"]! == stock);
                }, $"listing {id} indexed with stock {stock}");
            }

            // A live client that reconnects asks for what it missed after the last event it heard. Commands that share a
            // write raise one event for it, so what must hold is that the newest event of each listing, heard live or
            // asked for, shows the listing as it now is.
            await using var live = await LiveClient.ConnectAsync(second, "coop.xiuwen", _ => { });
            await live.InvokeAsync("Join", Topic, Api.Ct);
            var missed = await live.InvokeAsync<JsonElement[]>("Since", Topic, lastHeard, Api.Ct);
            foreach (var (id, _) in published)
            {
                var current = await Get(second, operatorToken, $"/api/listings/{id}");
                var newest = heard.Values.Concat(missed)
                    .Where(e => e.GetProperty("resource").GetString() == $"listing:{id}")
                    .MaxBy(e => e.GetProperty("sequence").GetInt64());
                Assert.Equal((decimal)current["draft"]!["stock"]!, LiveClient.Stock(newest));
            }
            Assert.All(missed, e => Assert.True(e.GetProperty("position").GetInt64() > lastHeard));
        }

        // (b) Every projection equals a rebuild from the grain states, row for row.
        var before = Projections(folder.Path);
        var rebuild = await RunAsync(AppProcess.WebDllPath, "rebuild-projections", "--data", folder.Path);
        Assert.True(rebuild.ExitCode == 0, rebuild.Output);
        Assert.Equal(before, Projections(folder.Path));
        Assert.All(households, id => Assert.Contains(before["households"], row => row.StartsWith(id + "|", StringComparison.Ordinal)));
    }

    private static async Task Acknowledged(Func<Task> request)
    {
        try
        {
            await request();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            // In flight when the process died: never acknowledged, so nothing is expected of it.
        }
    }

    private static async Task<string> Send(AppProcess app, string token, HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (path == "/api/orders") request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await app.Client.SendAsync(request, Api.Ct);
        var text = await response.Content.ReadAsStringAsync(Api.Ct);
        // A refusal is a failure of the test, not a request lost with the process.
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        var answer = JsonNode.Parse(text)!;
        return (string?)answer["id"] ?? "";
    }

    private static async Task<JsonNode> Get(AppProcess app, string? token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await app.Client.SendAsync(request, Api.Ct);
        var text = await response.Content.ReadAsStringAsync(Api.Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<List<string>> AuditActions(AppProcess app, string token, string type, string id) =>
        (await Get(app, token, $"/api/audit?resourceType={type}&resourceId={id}&limit=200")).AsArray().Select(e => (string)e!["action"]!).ToList();

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Not within 30 s: {what}");
            await Task.Delay(200, Api.Ct);
        }
    }

    /// <summary>Every read-model table's rows, sorted, by table.</summary>
    private static Dictionary<string, List<string>> Projections(string dataFolder)
    {
        var file = Path.Combine(dataFolder, "agrilink.db");
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new Dictionary<string, List<string>>();
        foreach (var table in Storage.Projections.ProjectionTables.All)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table.Name}";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            tables[table.Name] = rows;
        }

        return tables;
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string dll, params string[] args) =>
        ChildProcess.RunAsync("dotnet", [dll, .. args], TimeSpan.FromMinutes(2));

    private static JsonObject Household(string name) => new()
    {
        ["profile"] = new JsonObject
        {
            ["headName"] = name, ["countyCode"] = "520123", ["township"] = "六屯镇", ["village"] = "大木村", ["people"] = 3,
        },
    };

    private static JsonObject Order() => new()
    {
        ["buyerId"] = "buyer-gzcanteen",
        ["paymentMethod"] = "Invoice",
        ["lines"] = new JsonArray(new JsonObject { ["listingId"] = "lst-xwkiwibulk", ["quantity"] = 500 }),
        ["deliveryRegionCode"] = "440103",
        ["deliveryAddress"] = "广州市荔湾区中山七路 1 号机关食堂",
    };
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgriLink.Benchmarks.Province;

/// <summary>
/// The timed part: calls to a running AgriLink.Web as its users make them, one at a time on loopback, each repeated
/// <c>samples</c> times after a few untimed warm-up calls. Writes hit a different (mostly not yet activated) grain each
/// time, as a province's traffic would; list pages are fetched again and again with the same key.
/// </summary>
public sealed partial class ProvinceProbe(Uri baseAddress, ProvinceGenerator generator, ProvinceSize size, int samples, Func<long> serverPeak, Action<string> log) : IDisposable
{
    private const string Password = "AgriLink#2026";
    private const int PageSize = 20;
    private const int DeepPage = 500;
    private const int WarmUp = 5;

    /// <summary>A slow page (as the operator dashboard was when it read the whole province) gets fewer samples rather than hours.</summary>
    private static readonly TimeSpan FigureBudget = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(3);

    private readonly Random _random = new(14);
    private readonly List<HttpClient> _clients = [];
    private int _sequence;

    /// <summary>The server's VmHWM just before the operator dashboard (timed last: it once read the whole province).</summary>
    public long PeakBeforeDashboardBytes { get; private set; }

    public async Task<List<ProvinceTiming>> RunAsync()
    {
        var @operator = await SignInAsync("operator");
        var buyer = await SignInAsync("buyer.canteen");
        var farmer = await SignInAsync("farmer.pz01");
        var timings = new List<ProvinceTiming>();

        log("  writes: household registration, listing stock edit, order, member trade record");
        timings.Add(await TimeAsync("write: register a household (POST /api/households)", () => @operator.PostAsJsonAsync("/api/households", new
        {
            profile = new { headName = $"计时户{Next()}", countyCode = "520281", township = "普古乡", village = "舍烹村", people = 4 },
        }), HttpStatusCode.Created));
        timings.Add(await TimeAsync("write: edit a listing's stock (PUT /api/listings/{id}/stock)", () =>
            @operator.PutAsJsonAsync($"/api/listings/{ProvinceGenerator.ListingId(_random.Next(size.Listings))}/stock", new { stock = 900_000 + Next() }),
            HttpStatusCode.OK));
        timings.Add(await TimeAsync("write: place an order (POST /api/orders, buyer.canteen)", () => buyer.PostAsJsonAsync("/api/orders", new
        {
            buyerId = "buyer-gzcanteen",
            paymentMethod = "Invoice",
            lines = new[] { new { listingId = ProvinceGenerator.ListingId(_random.Next(size.Listings)), quantity = 1 } },
            deliveryRegionCode = "440103",
            deliveryAddress = "广州市荔湾区中山七路1号",
        }), HttpStatusCode.Created));
        timings.Add(await TimeAsync("write: record member trade (POST /api/cooperatives/{id}/trade/{year})", () =>
        {
            var c = _random.Next(size.Cooperatives);
            return @operator.PostAsJsonAsync($"/api/cooperatives/{ProvinceGenerator.CooperativeId(c)}/trade/{generator.FiscalYear}", new
            {
                reference = $"timed-{Next()}",
                memberId = ProvinceGenerator.HouseholdId(generator.FirstHousehold(c)),
                amountFen = 12_345,
                date = $"{generator.FiscalYear}-06-01",
                source = "Manual",
            });
        }, HttpStatusCode.OK));

        log("  list pages: first, 500th by keyset (after=next), offset 9980");
        await PagesAsync(timings, "households", @operator, "/api/households");
        await PagesAsync(timings, "listings", @operator, "/api/listings");
        await PagesAsync(timings, "orders of buyer-gzcanteen", buyer, "/api/buyers/buyer-gzcanteen/orders");
        await AuditPagesAsync(timings, @operator);

        log("  a household's dividends page, then the operator dashboard");
        var dividends = await farmer.GetFromJsonAsync<JsonArray>("/api/households/hh-pz01/dividends");
        timings.Add(await TimeAsync("page: a household's dividends (GET /api/households/hh-pz01/dividends, farmer.pz01)",
            () => farmer.GetAsync("/api/households/hh-pz01/dividends"), HttpStatusCode.OK,
            $"{dividends?.Count ?? 0} declared dividend(s) shown (the demo's 舍烹 cooperative; generated cooperatives have none)"));

        // Last: it activates grains across the province, so what it costs in memory must not weigh on the figures above.
        PeakBeforeDashboardBytes = serverPeak();
        var dashboard = await CookieSignInAsync("operator");
        timings.Add(await TimeAsync("page: operator dashboard (GET /operator, cookie)", () => dashboard.GetAsync("/operator"), HttpStatusCode.OK));
        return timings;
    }

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
    }

    private int Next() => Interlocked.Increment(ref _sequence);

    private async Task PagesAsync(List<ProvinceTiming> timings, string name, HttpClient client, string path)
    {
        var first = await ReadPageAsync(client, $"{path}?limit={PageSize}");
        var total = first["total"]!.GetValue<int>();
        timings.Add(await TimeAsync($"list: {name}, page 1", () => client.GetAsync($"{path}?limit={PageSize}"), HttpStatusCode.OK, $"{total:N0} rows"));

        // Walk once to the 500th page (or the last, when the list is shorter), then time fetching that page by its key.
        var (page, after) = (1, (string?)null);
        var next = first["next"]?.GetValue<string>();
        while (page < DeepPage && next is not null)
        {
            after = next;
            var body = await ReadPageAsync(client, $"{path}?limit={PageSize}&after={Uri.EscapeDataString(after)}");
            page++;
            next = body["next"]?.GetValue<string>();
        }

        if (after is null)
        {
            timings.Add(ProvinceTiming.From($"list: {name}, page {DeepPage} (keyset)", [], "list has one page"));
        }
        else
        {
            var label = page == DeepPage ? $"page {DeepPage} (keyset)" : $"page {page}, the last (keyset; no page {DeepPage})";
            var key = Uri.EscapeDataString(after);
            timings.Add(await TimeAsync($"list: {name}, {label}", () => client.GetAsync($"{path}?limit={PageSize}&after={key}"), HttpStatusCode.OK));
        }

        var offset = (DeepPage - 1) * PageSize;
        timings.Add(await TimeAsync($"list: {name}, offset {offset}", () => client.GetAsync($"{path}?limit={PageSize}&offset={offset}"), HttpStatusCode.OK,
            total > offset ? "" : $"past the end ({total:N0} rows): an empty page"));
    }

    /// <summary>The audit log pages newest first by <c>beforeId</c> (no total, no offset).</summary>
    private async Task AuditPagesAsync(List<ProvinceTiming> timings, HttpClient client)
    {
        const string path = "/api/audit";
        timings.Add(await TimeAsync("list: audit, page 1", () => client.GetAsync($"{path}?limit={PageSize}"), HttpStatusCode.OK));
        long? before = null;
        var page = 1;
        var entries = await client.GetFromJsonAsync<JsonArray>($"{path}?limit={PageSize}");
        while (page < DeepPage && entries is { Count: PageSize })
        {
            before = entries[^1]!["id"]!.GetValue<long>();
            entries = await client.GetFromJsonAsync<JsonArray>($"{path}?limit={PageSize}&beforeId={before}");
            page++;
        }

        if (before is null)
        {
            timings.Add(ProvinceTiming.From($"list: audit, page {DeepPage} (beforeId)", [], "log has one page"));
            return;
        }

        var label = page == DeepPage ? $"page {DeepPage} (beforeId)" : $"page {page}, the last (beforeId; no page {DeepPage})";
        timings.Add(await TimeAsync($"list: audit, {label}", () => client.GetAsync($"{path}?limit={PageSize}&beforeId={before}"), HttpStatusCode.OK));
    }

    private static async Task<JsonObject> ReadPageAsync(HttpClient client, string path) =>
        await client.GetFromJsonAsync<JsonObject>(path) ?? throw new BenchmarkFailedException($"GET {path} answered null.");

    private async Task<ProvinceTiming> TimeAsync(string name, Func<Task<HttpResponseMessage>> call, HttpStatusCode expected, string note = "")
    {
        var times = new List<double>(samples);
        var spent = Stopwatch.StartNew();
        var warmUps = 0;
        while (times.Count < samples)
        {
            var clock = Stopwatch.StartNew();
            string body;
            HttpStatusCode status;
            try
            {
                using var response = await call();
                // The body is part of the cost: read it before stopping the clock.
                body = await response.Content.ReadAsStringAsync();
                status = response.StatusCode;
            }
            catch (HttpRequestException e)
            {
                // The server went away (the heap limit the benchmark sets as a safety net, or a crash).
                log($"    {name}: {e.Message}");
                return ProvinceTiming.Failed(name, $"no answer: {e.Message}", note);
            }
            catch (TaskCanceledException)
            {
                // A call that outlives the client's timeout is a result, not a crash of the benchmark.
                log($"    {name}: no answer within {CallTimeout.TotalSeconds:F0} s");
                return ProvinceTiming.Failed(name, $"no answer within {CallTimeout.TotalSeconds:F0} s", note);
            }

            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (status != expected)
            {
                // So is an error answer (a page that times out inside the server answers 503): reported, the run goes on.
                var failure = string.Create(CultureInfo.InvariantCulture, $"answered {(int)status} after {elapsed:F0} ms (call {warmUps + times.Count + 1}): {body[..Math.Min(200, body.Length)]}");
                log($"    {name}: {failure}");
                return ProvinceTiming.Failed(name, failure, note);
            }

            // Warm-up calls (JIT, first activations, connection) are not timed; a call that takes seconds is not
            // dominated by warm-up, so one is enough.
            if (warmUps < WarmUp && !(warmUps >= 1 && elapsed > 2_000))
            {
                warmUps++;
                continue;
            }

            times.Add(elapsed);
            if (spent.Elapsed > FigureBudget) break;
        }

        if (times.Count < samples) note = Join(note, $"{times.Count} sample(s): the {FigureBudget.TotalSeconds:F0} s budget per figure ran out");
        var timing = ProvinceTiming.From(name, times, note);
        log(string.Create(CultureInfo.InvariantCulture, $"    {name}: p50 {timing.P50Ms:F1} ms, p95 {timing.P95Ms:F1} ms ({times.Count} samples)"));
        return timing;
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : $"{a}; {b}";

    private HttpClient NewClient(HttpMessageHandler? handler = null)
    {
        var client = new HttpClient(handler ?? new SocketsHttpHandler { UseCookies = false }) { BaseAddress = baseAddress, Timeout = CallTimeout };
        _clients.Add(client);
        return client;
    }

    private async Task<HttpClient> SignInAsync(string user)
    {
        var client = NewClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = Password });
        if (!response.IsSuccessStatusCode) throw new BenchmarkFailedException($"Sign-in as {user} answered {(int)response.StatusCode}.");
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The Razor pages use the cookie: sign in through the login form with its antiforgery token.</summary>
    private async Task<HttpClient> CookieSignInAsync(string user)
    {
        var client = NewClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(form) is { Success: true } m ? m.Groups[1].Value
            : throw new BenchmarkFailedException("No antiforgery token on /account/login.");
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found))
            throw new BenchmarkFailedException($"Cookie sign-in as {user} answered {(int)response.StatusCode}, not a redirect.");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

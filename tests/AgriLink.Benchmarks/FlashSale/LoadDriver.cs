using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace AgriLink.Benchmarks.FlashSale;

/// <summary>One request's outcome in a burst.</summary>
public sealed record Shot(int Index, HttpStatusCode Status, double LatencyMs, string Body);

/// <summary>
/// Fires N requests at once on loopback: every request is built, its connection already open (a warm-up burst opens
/// N pooled connections), and all are released together by one gate. Times each request from its release to its
/// response, and the burst from the gate to the last response.
/// </summary>
public sealed class LoadDriver : IDisposable
{
    private readonly HttpClient _client;

    public LoadDriver(Uri baseAddress, string? bearer = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (bearer is not null) _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
    }

    public HttpClient Client => _client;

    /// <summary>Opens <paramref name="connections"/> pooled connections by holding that many GETs in flight at once.</summary>
    public async Task WarmConnectionsAsync(string path, int connections)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, connections).Select(async _ =>
        {
            await gate.Task;
            using var response = await _client.GetAsync(path);
            response.EnsureSuccessStatusCode();
        }).ToList();
        gate.SetResult();
        await Task.WhenAll(tasks);
    }

    public async Task<(IReadOnlyList<Shot> Shots, TimeSpan Elapsed)> BurstAsync<T>(string path, IReadOnlyList<T> bodies)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var tasks = bodies.Select(async (body, index) =>
        {
            var content = JsonContent.Create(body);
            await content.LoadIntoBufferAsync();
            await gate.Task;
            var sent = clock.Elapsed;
            using var response = await _client.PostAsync(path, content);
            var text = await response.Content.ReadAsStringAsync();
            return new Shot(index, response.StatusCode, (clock.Elapsed - sent).TotalMilliseconds, text);
        }).ToList();
        await Task.Delay(200); // let every task reach the gate
        clock.Restart();
        gate.SetResult();
        var shots = await Task.WhenAll(tasks);
        return (shots, clock.Elapsed);
    }

    public void Dispose() => _client.Dispose();
}

using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace AgriLink.Benchmarks.Live;

/// <summary>
/// The benchmark's clients: <c>n</c> SignalR connections (automatic and stateful reconnect, as the README tells real
/// clients to connect) that joined one topic. Change <c>i</c> sets the stock to <see cref="StockBase"/> + i, so each
/// connection stamps the moment it first receives each change; a second copy is counted as a duplicate.
/// </summary>
public sealed class LiveAudience : IAsyncDisposable
{
    public const decimal StockBase = 100_000;

    private readonly HubConnection[] _connections;
    private readonly long[][] _received;
    private long _duplicates;
    private long _foreign;

    private LiveAudience(int clients, int changes)
    {
        _connections = new HubConnection[clients];
        _received = Enumerable.Range(0, clients).Select(_ => new long[changes]).ToArray();
    }

    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Events that were not one of this run's changes (another event name, or another stock).</summary>
    public long Foreign => Interlocked.Read(ref _foreign);

    public static async Task<LiveAudience> ConnectAsync(Uri hub, string topic, int clients, int changes, Action<string> log)
    {
        var audience = new LiveAudience(clients, changes);
        var started = Stopwatch.StartNew();
        // Connect in waves, as a crowd arrives; all of them at once would measure the handshake, not the broadcast.
        for (var first = 0; first < clients; first += 50)
        {
            var wave = Enumerable.Range(first, Math.Min(50, clients - first)).Select(async c =>
            {
                var connection = new HubConnectionBuilder().WithUrl(hub).WithAutomaticReconnect().WithStatefulReconnect().Build();
                var slots = audience._received[c];
                connection.On<JsonElement>("Event", e => audience.Stamp(slots, e));
                await connection.StartAsync();
                await connection.InvokeAsync("Join", topic);
                audience._connections[c] = connection;
            });
            await Task.WhenAll(wave);
        }

        log($"  {clients} clients connected and joined {topic} in {started.Elapsed.TotalSeconds:F1} s");
        return audience;
    }

    /// <summary>How many (client, change) deliveries have arrived.</summary>
    public long Delivered() => _received.Sum(slots => slots.LongCount(t => t != 0));

    public async Task<bool> WaitForAllAsync(TimeSpan patience)
    {
        var expected = (long)_received.Length * _received[0].Length;
        var until = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
        while (Delivered() < expected)
        {
            if (Stopwatch.GetTimestamp() > until) return false;
            await Task.Delay(250);
        }

        return true;
    }

    /// <summary>Every delivery's latency in milliseconds from its change's send time, and the last arrival.</summary>
    public (double[] LatenciesMs, long LastArrival) Latencies(long[] sentAt)
    {
        var latencies = new List<double>(_received.Length * sentAt.Length);
        long last = 0;
        foreach (var slots in _received)
        {
            for (var i = 0; i < slots.Length; i++)
            {
                if (slots[i] == 0) continue;
                latencies.Add((slots[i] - sentAt[i]) * 1000.0 / Stopwatch.Frequency);
                last = Math.Max(last, slots[i]);
            }
        }

        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return (sorted, last);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var wave in _connections.Where(c => c is not null).Chunk(100))
            await Task.WhenAll(wave.Select(c => c.DisposeAsync().AsTask()));
    }

    private void Stamp(long[] slots, JsonElement e)
    {
        var now = Stopwatch.GetTimestamp();
        if (e.GetProperty("name").GetString() != "listing.stock-changed"
            || !e.GetProperty("data").TryGetProperty("stock", out var stock) || stock.ValueKind != JsonValueKind.Number)
        {
            Interlocked.Increment(ref _foreign);
            return;
        }

        var index = stock.GetDecimal() - StockBase;
        if (index < 0 || index >= slots.Length || index != decimal.Truncate(index))
        {
            Interlocked.Increment(ref _foreign);
            return;
        }

        if (Interlocked.CompareExchange(ref slots[(int)index], now, 0) != 0) Interlocked.Increment(ref _duplicates);
    }
}

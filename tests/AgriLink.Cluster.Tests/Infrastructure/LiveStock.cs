using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace AgriLink.Cluster.Tests.Infrastructure;

/// <summary>A SignalR client of /hubs/market following one listing: the stock of the newest event it has heard.</summary>
public sealed class LiveStock : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Lock _gate = new();
    private long _sequence = -1;

    private LiveStock(HubConnection connection) => _connection = connection;

    public decimal? Stock { get; private set; }
    public int Events { get; private set; }
    public DateTimeOffset LastEventAt { get; private set; }

    public static async Task<LiveStock> FollowAsync(NodeProcess web, string token, string listingId)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(web.BaseAddress, "hubs/market"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .WithAutomaticReconnect()
            .Build();
        var live = new LiveStock(connection);
        connection.On<JsonElement>("Event", live.Heard);
        await connection.StartAsync(TestServices.Ct);
        await connection.InvokeAsync("Join", $"listing:{listingId}", TestServices.Ct);
        return live;
    }

    /// <summary>Delivery order is not promised: the newest is the one with the highest sequence (the row's version).</summary>
    private void Heard(JsonElement e)
    {
        if (!e.GetProperty("data").TryGetProperty("stock", out var stock)) return;
        var sequence = e.GetProperty("sequence").GetInt64();
        lock (_gate)
        {
            Events++;
            LastEventAt = DateTimeOffset.UtcNow;
            if (sequence <= _sequence) return;
            _sequence = sequence;
            Stock = stock.GetDecimal();
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

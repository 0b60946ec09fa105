using System.Text.Json;
using AgriLink.Hosting;
using AgriLink.Grains.Live;
using Microsoft.AspNetCore.SignalR;

namespace AgriLink.Web.Live;

/// <summary>
/// This web node's subscription to the market feed: every event any silo publishes reaches it, and it forwards each to
/// the SignalR group named by the event's topic. The subscription is renewed well inside its lifetime, so it also
/// comes back after the feed grain moves or its silo restarts.
/// </summary>
public sealed partial class MarketFeedRelay(
    IGrainFactory grains, IHubContext<MarketHub, IMarketClient> hub, IConfiguration configuration, ILogger<MarketFeedRelay> logger)
    : BackgroundService, IMarketObserver
{
    /// <summary>
    /// <c>AgriLink:Live:RenewInterval</c>. A feed grain lost with its silo (cluster mode) forgets its subscribers, so
    /// events go unheard until the next renewal: cluster mode renews every 5 s, the embedded silo every 30 s.
    /// </summary>
    private readonly TimeSpan _renew = configuration.GetValue<TimeSpan?>("AgriLink:Live:RenewInterval")
        ?? (configuration.Mode() == HostingMode.Cluster ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(30));

    public async Task OnEvents(IReadOnlyList<MarketEvent> events)
    {
        foreach (var e in events)
        {
            try
            {
                using var data = JsonDocument.Parse(e.Data);
                await hub.Clients.Group(e.Topic).Event(new MarketEventMessage(e.Topic, e.Name, e.Resource, e.Sequence, e.At, data.RootElement.Clone()));
            }
            catch (Exception error) when (error is JsonException or InvalidOperationException)
            {
                LogForwardFailed(error, e.Topic, e.Name);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var self = grains.CreateObjectReference<IMarketObserver>(this);
        var feed = grains.GetGrain<IMarketFeedGrain>(0);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await feed.Subscribe(self);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSubscribeFailed(e);
            }

            try
            {
                await Task.Delay(_renew, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        try
        {
            await feed.Unsubscribe(self);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSubscribeFailed(e);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not forward market event {Name} to {Topic}")]
    private partial void LogForwardFailed(Exception error, string topic, string name);

    [LoggerMessage(LogLevel.Warning, "Could not (re)subscribe to the market feed; retrying")]
    private partial void LogSubscribeFailed(Exception error);
}

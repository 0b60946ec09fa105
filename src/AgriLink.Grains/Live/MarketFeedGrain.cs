using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Utilities;

namespace AgriLink.Grains.Live;

/// <summary>
/// Relays published events to every subscribed web node. Subscriptions live in memory and expire unless renewed
/// (<see cref="SubscriptionLifetime"/>); web nodes renew well within it, and again after the grain moves.
/// </summary>
[Reentrant]
public sealed class MarketFeedGrain(ILogger<MarketFeedGrain> logger) : Grain, IMarketFeedGrain
{
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<IMarketObserver> _observers = new(SubscriptionLifetime, logger);

    public Task Subscribe(IMarketObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IMarketObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task Publish(IReadOnlyList<MarketEvent> events)
    {
        if (events.Count > 0) _observers.Notify(o => o.OnEvents(events));
        return Task.CompletedTask;
    }
}

/// <summary>How grains publish: fire and forget, so a slow or absent live feed never holds up a command.</summary>
public static class MarketEvents
{
    public static void Publish(IGrainFactory grains, params MarketEvent[] events)
    {
        if (events.Length > 0) _ = grains.GetGrain<IMarketFeedGrain>(0).Publish(events);
    }
}

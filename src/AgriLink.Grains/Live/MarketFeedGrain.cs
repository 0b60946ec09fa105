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
    /// <summary>
    /// A resource's event number: the version of its stored row, one more per write, so the numbers have no gaps.
    /// Null before the first write (or with a storage whose ETags are not numbers).
    /// </summary>
    public static long? SequenceOf<T>(IPersistentState<T> state) =>
        long.TryParse(state.Etag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version : null;

    /// <summary>An event with <paramref name="data"/> as web JSON (camelCase), as live clients read it.</summary>
    public static MarketEvent Create(string topic, string name, string resource, long sequence, DateTimeOffset at, object data) =>
        new(topic, name, resource, sequence, at, System.Text.Json.JsonSerializer.Serialize(data, System.Text.Json.JsonSerializerOptions.Web));

    public static void Publish(IGrainFactory grains, params MarketEvent[] events)
    {
        if (events.Length > 0) _ = grains.GetGrain<IMarketFeedGrain>(0).Publish(events);
    }
}

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

/// <summary>
/// How grains raise events: into the outbox in the transaction of the change they describe (<see cref="Staged"/>), the
/// truth that the live relay, the search indexer and other followers read; then, fire and forget, to the feed grain,
/// only a wake-up for followers in other processes and for grain-level subscribers. A slow or absent feed never holds up a command.
/// </summary>
public static class MarketEvents
{
    /// <summary>The number the next write of this state will carry (its row's next version); null with non-numeric ETags.</summary>
    public static long? NextSequence<T>(IPersistentState<T> state) => state.Etag is null ? 1 : SequenceOf(state) + 1;

    /// <summary>The events as outbox rows, to write with the state.</summary>
    public static Storage.Changes.StateChanges? Staged(IReadOnlyCollection<MarketEvent> events)
    {
        if (events.Count == 0) return null;
        var changes = new Storage.Changes.StateChanges();
        foreach (var e in events) changes.Add(new Storage.Changes.OutboxMessage(e.Topic, e.Name, e.Resource, e.Sequence, e.At, e.Data));
        return changes;
    }

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

    /// <summary>Events per message, so a large cooperative's notice (one event per household line) stays in bounded messages.</summary>
    private const int Chunk = 1000;

    public static void Publish(IGrainFactory grains, params IReadOnlyList<MarketEvent> events)
    {
        foreach (var chunk in events.Chunk(Chunk)) _ = grains.GetGrain<IMarketFeedGrain>(0).Publish(chunk);
    }
}

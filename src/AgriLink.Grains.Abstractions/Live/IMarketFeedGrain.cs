using Orleans.Concurrency;

namespace AgriLink.Grains.Live;

/// <summary>A web node's receiver of every market event, whichever silo raised it.</summary>
[Alias("AgriLink.IMarketObserver")]
public interface IMarketObserver : IGrainObserver
{
    [Alias("OnEvents"), OneWay] Task OnEvents(IReadOnlyList<MarketEvent> events);
}

/// <summary>
/// The fan-out point (key 0): grains publish here, and every subscribed web node hears it (the GPSTracker pattern:
/// observers registered by web nodes, renewed before they expire, so nothing relies on web node and grain sharing a process).
/// </summary>
[Alias("AgriLink.IMarketFeedGrain")]
public interface IMarketFeedGrain : IGrainWithIntegerKey
{
    [Alias("Subscribe")] Task Subscribe(IMarketObserver observer);
    [Alias("Unsubscribe")] Task Unsubscribe(IMarketObserver observer);
    [Alias("Publish"), OneWay] Task Publish(IReadOnlyList<MarketEvent> events);
}

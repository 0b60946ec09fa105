using System.Collections.Concurrent;
using System.Text.Json;
using AgriLink.Grains.Live;
using Xunit;

namespace AgriLink.Grains.Tests.Live;

/// <summary>A web node's view of the market feed: subscribes like the relay does and keeps every event it hears.</summary>
internal sealed class FeedRecorder : IMarketObserver, IAsyncDisposable
{
    private readonly ConcurrentQueue<MarketEvent> _events = new();
    private IMarketFeedGrain? _feed;
    private IMarketObserver? _reference;

    public static async Task<FeedRecorder> SubscribeAsync(IClusterClient client)
    {
        var recorder = new FeedRecorder { _feed = client.GetGrain<IMarketFeedGrain>(0) };
        recorder._reference = client.CreateObjectReference<IMarketObserver>(recorder);
        await recorder._feed.Subscribe(recorder._reference);
        return recorder;
    }

    public Task OnEvents(IReadOnlyList<MarketEvent> events)
    {
        foreach (var e in events) _events.Enqueue(e);
        return Task.CompletedTask;
    }

    /// <summary>The events to <paramref name="topic"/>, in sequence order (the feed does not promise delivery order).</summary>
    public IReadOnlyList<MarketEvent> About(string topic) => _events.Where(e => e.Topic == topic).OrderBy(e => e.Sequence).ToList();

    public async Task WaitFor(Func<MarketEvent, bool> match)
    {
        for (var i = 0; i < 200 && !_events.Any(match); i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Contains(_events, e => match(e));
    }

    public static JsonElement Data(MarketEvent e) => JsonDocument.Parse(e.Data).RootElement;

    public async ValueTask DisposeAsync()
    {
        if (_feed is not null && _reference is not null) await _feed.Unsubscribe(_reference);
    }
}

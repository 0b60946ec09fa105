using System.Threading.Channels;
using AgriLink.Grains.Live;
using AgriLink.Search;

namespace AgriLink.Web.Search;

/// <summary>
/// Keeps the search index following the market: a second observer of the market feed (beside the SignalR relay) that
/// queues every <c>listing.*</c> event and every cooperative admission change; one loop re-reads the listings concerned
/// and indexes or removes them, the latest event's sequence as the document's version. On start, once subscribed,
/// an empty index is filled from the listings directory.
/// </summary>
public sealed partial class SearchFeeder(IGrainFactory grains, ListingIndexer indexer, IListingSearch search, ILogger<SearchFeeder> logger)
    : BackgroundService, IMarketObserver
{
    private static readonly TimeSpan Renew = TimeSpan.FromSeconds(30);

    private readonly Channel<MarketEvent> _events = Channel.CreateUnbounded<MarketEvent>(new UnboundedChannelOptions { SingleReader = true });

    public Task OnEvents(IReadOnlyList<MarketEvent> events)
    {
        foreach (var e in events)
        {
            if (e.Name.StartsWith("listing.", StringComparison.Ordinal) || e.Name == "admission.changed") _events.Writer.TryWrite(e);
        }
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var self = grains.CreateObjectReference<IMarketObserver>(this);
        var feed = grains.GetGrain<IMarketFeedGrain>(0);
        while (!await TrySubscribe(feed, self))
        {
            if (!await Wait(TimeSpan.FromSeconds(1), stoppingToken)) return;
        }

        var renewing = RenewAsync(feed, self, stoppingToken);
        try
        {
            await FillIfEmpty(stoppingToken);
            await FollowAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await renewing;
            try
            {
                await feed.Unsubscribe(self);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSubscribeFailed(e);
            }
        }
    }

    private async Task FillIfEmpty(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await search.CountAsync(ct) > 0) return;
                var indexed = await indexer.IndexAllAsync(null, ct);
                LogFilled(indexed);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogIndexFailed(e);
                if (!await Wait(TimeSpan.FromSeconds(5), ct)) return;
            }
        }
    }

    /// <summary>Takes whatever events have queued up, one listing once (at its latest sequence), and applies them.</summary>
    private async Task FollowAsync(CancellationToken ct)
    {
        while (await _events.Reader.WaitToReadAsync(ct))
        {
            var listings = new Dictionary<string, long>(StringComparer.Ordinal);
            var cooperatives = new HashSet<string>(StringComparer.Ordinal);
            while (_events.Reader.TryRead(out var e))
            {
                if (e.Name == "admission.changed")
                {
                    cooperatives.Add(e.Resource["admission:".Length..]);
                }
                else if (e.Resource.StartsWith("listing:", StringComparison.Ordinal))
                {
                    var id = e.Resource["listing:".Length..];
                    listings[id] = Math.Max(listings.GetValueOrDefault(id), e.Sequence);
                }
            }

            try
            {
                foreach (var cooperative in cooperatives)
                {
                    indexer.Forget(cooperative);
                    foreach (var (id, version) in await indexer.ListingsOf(cooperative)) listings.TryAdd(id, version);
                }
                await indexer.RefreshAsync(listings, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next change of these listings (or a reindex) brings them back in line.
                LogIndexFailed(e);
            }
        }
    }

    private async Task RenewAsync(IMarketFeedGrain feed, IMarketObserver self, CancellationToken ct)
    {
        while (await Wait(Renew, ct)) await TrySubscribe(feed, self);
    }

    private async Task<bool> TrySubscribe(IMarketFeedGrain feed, IMarketObserver self)
    {
        try
        {
            await feed.Subscribe(self);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSubscribeFailed(e);
            return false;
        }
    }

    private static async Task<bool> Wait(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not (re)subscribe the search feeder to the market feed; retrying")]
    private partial void LogSubscribeFailed(Exception error);

    [LoggerMessage(LogLevel.Warning, "Could not bring the search index in line with listing changes")]
    private partial void LogIndexFailed(Exception error);

    [LoggerMessage(LogLevel.Information, "Search index was empty: indexed {Count} listings")]
    private partial void LogFilled(int count);
}

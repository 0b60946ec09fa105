using AgriLink.Grains.Live;
using AgriLink.Search;
using AgriLink.Storage.Outbox;

namespace AgriLink.Web.Search;

/// <summary>
/// Keeps the search index following the market by reading the outbox, where every <c>listing.*</c> event and every
/// cooperative admission change is committed with the change itself: from this node's acknowledged position, in order, a
/// batch at a time; it re-reads the listings concerned, indexes or removes them (the latest event's sequence as the
/// document's version) and only then acknowledges. After a crash it resumes where it acknowledged, so the index catches up.
/// It wakes at once for writes in this process (<see cref="OutboxSignal"/>), on any event of the market feed (writes of
/// other silos), and otherwise looks every <see cref="Poll"/>. On start an empty index is filled from the listings table.
/// </summary>
public sealed partial class SearchFeeder(
    IGrainFactory grains, ListingIndexer indexer, IListingSearch search, OutboxStore outbox, OutboxSignal signal,
    IConfiguration configuration, ILogger<SearchFeeder> logger)
    : BackgroundService, IMarketObserver
{
    private static readonly TimeSpan Renew = TimeSpan.FromSeconds(30);

    /// <summary>How long it waits for a wake-up before reading the outbox anyway.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    private const int Batch = 500;

    /// <summary>This node's consumer: each node keeps its own index (Lucene) or brings the shared one up to date itself.</summary>
    private readonly string _consumer = "search:" + OutboxConsumers.NodeName(configuration);

    public Task OnEvents(IReadOnlyList<MarketEvent> events)
    {
        signal.Notify();
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
            var position = await StartingPosition(stoppingToken);
            await FillIfEmpty(stoppingToken);
            await FollowAsync(position, stoppingToken);
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

    /// <summary>Where this node acknowledged, or, the first time, the outbox's end before the index is filled (the fill covers the rest).</summary>
    private async Task<long> StartingPosition(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                if (await outbox.PositionAsync(_consumer, ct) is { } acknowledged) return acknowledged;
                var latest = await outbox.LatestAsync(ct);
                await outbox.AcknowledgeAsync(_consumer, latest, ct);
                return latest;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogIndexFailed(e);
                if (!await Wait(TimeSpan.FromSeconds(5), ct)) throw new OperationCanceledException(ct);
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

    /// <summary>Reads the outbox after <paramref name="position"/>, one listing once per batch (at its latest sequence), applies it, acknowledges.</summary>
    private async Task FollowAsync(long position, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            IReadOnlyList<OutboxRecord> batch;
            try
            {
                batch = await outbox.ReadAfterAsync(position, Batch, ct);
                if (batch.Count > 0)
                {
                    await ApplyAsync(batch, ct);
                    position = batch[^1].Position;
                    await outbox.AcknowledgeAsync(_consumer, position, ct);
                    continue;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not acknowledged: the same events are read again after the pause (at least once).
                LogIndexFailed(e);
                if (!await Wait(TimeSpan.FromSeconds(5), ct)) return;
                continue;
            }

            await signal.WaitAsync(Poll, ct);
        }
    }

    private async Task ApplyAsync(IReadOnlyList<OutboxRecord> batch, CancellationToken ct)
    {
        var listings = new Dictionary<string, long>(StringComparer.Ordinal);
        var cooperatives = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in batch)
        {
            if (e.Name == "admission.changed")
            {
                cooperatives.Add(e.Resource["admission:".Length..]);
            }
            else if (e.Name.StartsWith("listing.", StringComparison.Ordinal) && e.Resource.StartsWith("listing:", StringComparison.Ordinal))
            {
                var id = e.Resource["listing:".Length..];
                listings[id] = Math.Max(listings.GetValueOrDefault(id), e.Sequence);
            }
        }

        foreach (var cooperative in cooperatives)
        {
            indexer.Forget(cooperative);
            foreach (var (id, version) in await indexer.ListingsOf(cooperative)) listings.TryAdd(id, version);
        }
        if (listings.Count > 0) await indexer.RefreshAsync(listings, ct);
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

using AgriLink.Grains.Live;
using AgriLink.Storage.Outbox;

namespace AgriLink.Web.Outbox;

/// <summary>
/// Follows the outbox for one purpose on this node (consumer <c>{purpose}:{node}</c>): from its acknowledged position, in
/// order, a batch at a time; it acknowledges a batch only after handling it, so after a crash it resumes where it
/// acknowledged (at least once). It wakes at once for writes in this process (<see cref="OutboxSignal"/>), on any event of
/// the market feed (writes of other silos: the feed is only the wake-up), and otherwise reads every <see cref="Poll"/>.
/// </summary>
public abstract partial class OutboxFollower(
    string purpose, IGrainFactory grains, OutboxStore outbox, OutboxSignal signal, IConfiguration configuration, ILogger logger)
    : BackgroundService, IMarketObserver
{
    /// <summary>How long it waits for a wake-up before reading the outbox anyway.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    private const int Batch = 500;

    protected string Consumer { get; } = $"{purpose}:{OutboxConsumers.NodeName(configuration)}";

    protected ILogger Logger { get; } = logger;

    /// <summary>How often the feed subscription is renewed (it expires, and is lost when the feed grain moves).</summary>
    protected virtual TimeSpan Renew => TimeSpan.FromSeconds(30);

    public Task OnEvents(IReadOnlyList<MarketEvent> events)
    {
        signal.Notify();
        return Task.CompletedTask;
    }

    /// <summary>Handles one batch; throwing leaves it unacknowledged, to be read again after a pause.</summary>
    protected abstract Task HandleAsync(IReadOnlyList<OutboxRecord> batch, CancellationToken ct);

    /// <summary>Work before following, once the starting position is fixed (the search index's first fill).</summary>
    protected virtual Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

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
            await PrepareAsync(stoppingToken);
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
                LogSubscribeFailed(Logger, e, Consumer);
            }
        }
    }

    /// <summary>Where this consumer acknowledged, or, the first time, the outbox's end: nothing before it was anyone's to hear.</summary>
    private async Task<long> StartingPosition(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                if (await outbox.PositionAsync(Consumer, ct) is { } acknowledged) return acknowledged;
                var latest = await outbox.LatestAsync(ct);
                await outbox.AcknowledgeAsync(Consumer, latest, ct);
                return latest;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFollowFailed(Logger, e, Consumer);
                if (!await Wait(TimeSpan.FromSeconds(5), ct)) throw new OperationCanceledException(ct);
            }
        }
    }

    private async Task FollowAsync(long position, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var batch = await outbox.ReadAfterAsync(position, Batch, ct);
                if (batch.Count > 0)
                {
                    await HandleAsync(batch, ct);
                    position = batch[^1].Position;
                    await outbox.AcknowledgeAsync(Consumer, position, ct);
                    Grains.BusinessMetrics.FollowerCaughtUp(purpose, batch[^1].At, DateTimeOffset.UtcNow);
                    continue;
                }
                Grains.BusinessMetrics.FollowerIdle(purpose);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not acknowledged: the same events are read again after the pause.
                LogFollowFailed(Logger, e, Consumer);
                if (!await Wait(TimeSpan.FromSeconds(5), ct)) return;
                continue;
            }

            await signal.WaitAsync(Poll, ct);
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
            LogSubscribeFailed(Logger, e, Consumer);
            return false;
        }
    }

    protected static async Task<bool> Wait(TimeSpan delay, CancellationToken ct)
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

    [LoggerMessage(LogLevel.Warning, "{Consumer}: could not (re)subscribe to the market feed for wake-ups; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception error, string consumer);

    [LoggerMessage(LogLevel.Warning, "{Consumer}: could not handle outbox events; they are read again after a pause")]
    private static partial void LogFollowFailed(ILogger logger, Exception error, string consumer);
}

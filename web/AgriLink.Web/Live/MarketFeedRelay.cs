using System.Text.Json;
using AgriLink.Hosting;
using AgriLink.Storage.Outbox;
using AgriLink.Web.Outbox;
using Microsoft.AspNetCore.SignalR;

namespace AgriLink.Web.Live;

/// <summary>
/// This web node's live relay (consumer <c>live:{node}</c>): every event in the outbox, whichever silo committed it, goes
/// to the SignalR group its topic names, in commit order. Events are read only after the change that raised them (and
/// the list rows written with it) committed, so a page that re-fetches on hearing one finds the change. After a restart
/// the node resumes where it acknowledged; a client that missed events asks the hub for them (<see cref="MarketHub.Since"/>).
/// </summary>
public sealed partial class MarketFeedRelay(
    IGrainFactory grains, IHubContext<MarketHub, IMarketClient> hub, OutboxStore outbox, OutboxSignal signal,
    IConfiguration configuration, ILogger<MarketFeedRelay> logger)
    : OutboxFollower("live", grains, outbox, signal, configuration, logger)
{
    /// <summary>
    /// <c>AgriLink:Live:RenewInterval</c>. A feed grain lost with its silo (cluster mode) forgets its subscribers, so
    /// wake-ups go unheard until the next renewal (the poll still reads): cluster mode renews every 5 s, embedded every 30 s.
    /// </summary>
    protected override TimeSpan Renew { get; } = configuration.GetValue<TimeSpan?>("AgriLink:Live:RenewInterval")
        ?? (configuration.Mode() == HostingMode.Cluster ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(30));

    protected override async Task HandleAsync(IReadOnlyList<OutboxRecord> batch, CancellationToken ct)
    {
        foreach (var e in batch)
        {
            MarketEventMessage message;
            try
            {
                message = MarketEventMessage.From(e);
            }
            catch (JsonException error)
            {
                // A payload that is not JSON can never be sent; skipping it keeps the rest flowing.
                LogForwardFailed(Logger, error, e.Topic, e.Name);
                continue;
            }

            await hub.Clients.Group(e.Topic).Event(message);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not forward market event {Name} to {Topic}")]
    private static partial void LogForwardFailed(ILogger logger, Exception error, string topic, string name);
}

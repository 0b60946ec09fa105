using AgriLink.Grains.Matching;
using AgriLink.Storage.Outbox;

namespace AgriLink.Web.Outbox;

/// <summary>
/// Runs the demand matcher on this node (consumer <c>matches:{node}</c>) over the <c>listing.available</c> events in the
/// outbox: a listing's write that puts it on sale commits the event, so no notice is lost to a crash between the write and
/// the matching. Every web node follows; a demand records a listing version once.
/// </summary>
public sealed class DemandMatchFollower(
    IGrainFactory grains, DemandMatcher matcher, OutboxStore outbox, OutboxSignal signal, IConfiguration configuration,
    ILogger<DemandMatchFollower> logger)
    : OutboxFollower("matches", grains, outbox, signal, configuration, logger)
{
    protected override Task HandleAsync(IReadOnlyList<OutboxRecord> batch, CancellationToken ct) => matcher.HandleAsync(batch, ct);
}

using AgriLink.Domain.Matching;
using AgriLink.Grains.Common;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace AgriLink.Grains.Matching;

/// <summary>
/// The open demands' criteria, and the one place a newly available listing is matched against them. Reentrant so that a
/// listing's announcement, which waits on the demand grains it notifies, never blocks a demand that is opening or closing
/// (and so waits on this grain): writes still go one at a time through <see cref="GroupCommit{TState}"/>.
/// </summary>
[Reentrant]
public sealed partial class OpenDemandsGrain : Grain, IOpenDemandsGrain
{
    private readonly GroupCommit<OpenDemandsState> _commits;
    private readonly TimeProvider _clock;
    private readonly ILogger<OpenDemandsGrain> _logger;

    public OpenDemandsGrain(
        [PersistentState("open-demands", GrainStorage.Main)] IPersistentState<OpenDemandsState> state,
        TimeProvider clock,
        ILogger<OpenDemandsGrain> logger)
    {
        _clock = clock;
        _logger = logger;
        _commits = new GroupCommit<OpenDemandsState>(state, (_, _, _) => Task.CompletedTask);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commits.Reload();
        return Task.CompletedTask;
    }

    public Task Open(OpenDemand demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return _commits.Submit(s =>
        {
            var stale = (s.Open.TryGetValue(demand.DemandId, out var open) && open.Revision >= demand.Revision)
                || (s.Removed.TryGetValue(demand.DemandId, out var removed) && removed >= demand.Revision);
            return stale ? (s, false) : (s with { Open = s.Open.SetItem(demand.DemandId, demand) }, true);
        });
    }

    public Task Remove(string demandId, int revision) =>
        _commits.Submit(s => s.Removed.TryGetValue(demandId, out var removed) && removed >= revision
            ? (s, false)
            : (s with { Open = s.Open.Remove(demandId), Removed = s.Removed.SetItem(demandId, revision) }, true));

    public Task<int> Count() => Task.FromResult(_commits.Committed.Open.Count);

    public async Task ListingAvailable(ListingOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var today = _clock.Today();
        var now = _clock.Now();
        var text = MatchCandidate.TextOf(offer.Draft);
        var notices = new List<(OpenDemand Demand, DemandNotification Notice)>();
        foreach (var demand in _commits.Committed.Open.Values)
        {
            // Without a search engine here, keywords must appear in the listing's own text.
            var relevance = demand.Spec.KeywordRelevance(text);
            if (relevance <= 0) continue;
            var candidate = MatchCandidate.From(offer.ListingId, offer.CooperativeId, offer.Draft, offer.Status, offer.PovertyCertified, relevance);
            var match = MatchScoring.Score(demand.Spec, candidate, new MatchContext(today, 1));
            if (!match.Eligible) continue;
            notices.Add((demand, new DemandNotification(offer.ListingId, offer.CooperativeId, offer.Draft.Title, offer.Trigger, match.Score,
                match.Components, offer.Version, now)));
        }
        await Task.WhenAll(notices.Select(n => Notify(n.Demand.DemandId, n.Notice)));
    }

    private async Task Notify(string demandId, DemandNotification notice)
    {
        try
        {
            await GrainFactory.GetGrain<IDemandGrain>(demandId).RecordMatch(notice);
        }
        catch (Exception e)
        {
            LogNotifyFailed(e, demandId, notice.ListingId);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Demand {DemandId} not notified of listing {ListingId}")]
    private partial void LogNotifyFailed(Exception error, string demandId, string listingId);
}

using System.Text.Json;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Matching;
using AgriLink.Grains.Common;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Projections;
using AgriLink.Storage.Outbox;
using Microsoft.Extensions.Logging;

namespace AgriLink.Grains.Matching;

/// <summary>
/// Matches each listing that went on sale or was restocked (<see cref="ListingAvailable"/> events, read from the outbox by
/// a follower) against the open demands of its category and those naming none, read in id-ordered batches from
/// <c>open_demands</c>, and leaves a notification on every demand it satisfies. A demand records a listing version once, so
/// a batch read again after a crash, or by a second web node's follower, notifies nobody twice.
/// </summary>
public sealed partial class DemandMatcher(IGrainFactory grains, DemandQueries demands, MonitoringQueries monitoring, TimeProvider clock, ILogger<DemandMatcher> logger)
{
    private const int Batch = 500;

    /// <summary>Each listing once per batch, at its latest announcement.</summary>
    public async Task HandleAsync(IReadOnlyList<OutboxRecord> events, CancellationToken ct)
    {
        var latest = new Dictionary<string, (long Version, string Trigger)>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Topic != ListingAvailable.Topic || e.Name != ListingAvailable.Name) continue;
            var data = JsonSerializer.Deserialize<ListingAvailable.Data>(e.Data, JsonSerializerOptions.Web);
            if (data is not null) latest[data.ListingId] = (e.Sequence, data.Trigger);
        }

        foreach (var (listingId, (version, trigger)) in latest)
        {
            ct.ThrowIfCancellationRequested();
            await MatchAsync(listingId, version, trigger);
        }
    }

    /// <summary>
    /// Notifies the open demands the listing (as it is now) satisfies, under the announced version; answers how many were
    /// newly notified. A listing no longer on sale notifies nobody.
    /// </summary>
    public async Task<int> MatchAsync(string listingId, long version, string trigger)
    {
        var listing = await grains.GetGrain<IListingGrain>(listingId).Get();
        if (listing.Status != ListingStatus.Active) return 0;
        var today = clock.Today();
        var now = clock.Now();
        var text = MatchCandidate.TextOf(listing.Draft);
        var members = (await monitoring.MonitoredMembers([listing.CooperativeId])).GetValueOrDefault(listing.CooperativeId) ?? new HashSet<string>();
        var link = MatchCandidate.LinkOf(listing.Draft.ProducerIds, members);
        var notified = 0;
        foreach (var category in new[] { listing.Draft.Category.ToString(), null })
        {
            var after = "";
            while (true)
            {
                var rows = await demands.Open(category, after, Batch);
                var notices = new List<Task<bool>>();
                foreach (var row in rows)
                {
                    var spec = OpenDemandRows.Read(row.Spec);
                    // Without a search engine here, keywords must appear in the listing's own text.
                    var relevance = spec.KeywordRelevance(text);
                    if (relevance <= 0) continue;
                    var candidate = MatchCandidate.From(listingId, listing.CooperativeId, listing.Draft, listing.Status,
                        listing.PovertyCertification is not null, relevance, link);
                    var match = MatchScoring.Score(spec, candidate, new MatchContext(today, 1));
                    if (!match.Eligible) continue;
                    notices.Add(Notify(row.DemandId, new DemandNotification(listingId, listing.CooperativeId, listing.Draft.Title, trigger,
                        match.Score, match.Components, version, now)));
                }
                notified += (await Task.WhenAll(notices)).Count(n => n);
                if (rows.Count < Batch) break;
                after = rows[^1].DemandId;
            }
        }
        return notified;
    }

    /// <summary>One demand that cannot take its notice (gone, or failing) does not hold up the others.</summary>
    private async Task<bool> Notify(string demandId, DemandNotification notice)
    {
        try
        {
            return await grains.GetGrain<IDemandGrain>(demandId).RecordMatch(notice);
        }
        catch (Exception e)
        {
            LogNotifyFailed(logger, e, demandId, notice.ListingId);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Demand {DemandId} not notified of listing {ListingId}")]
    private static partial void LogNotifyFailed(ILogger logger, Exception error, string demandId, string listingId);
}

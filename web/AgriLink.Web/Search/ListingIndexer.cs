using System.Collections.Concurrent;
using AgriLink.Domain.Listings;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Listings;
using AgriLink.Search;

namespace AgriLink.Web.Search;

/// <summary>
/// Brings the search index in line with the grains: re-reads listings (and their cooperative's name and admission,
/// cached for a minute or until an admission event, and each listing's quantity sold from the projections, one query a
/// batch) and indexes or removes them.
/// </summary>
public sealed class ListingIndexer(IGrainFactory grains, IListingSearch search, DirectoryQueries lists, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private const int BatchSize = 500;
    private const int Parallel = 16;

    private readonly ConcurrentDictionary<string, (string Name, bool MaySell, DateTimeOffset At)> _cooperatives = new(StringComparer.Ordinal);

    public void Forget(string cooperativeId) => _cooperatives.TryRemove(cooperativeId, out _);

    /// <summary>Re-reads each listing and indexes it at <paramref name="versions"/>' version, or removes it.</summary>
    public async Task RefreshAsync(IReadOnlyDictionary<string, long> versions, CancellationToken ct)
    {
        foreach (var chunk in versions.Chunk(BatchSize))
        {
            var read = await ReadAsync(chunk.Select(c => (c.Key, c.Value)).ToList(), ct);
            await search.IndexAsync(read.Documents, ct);
            foreach (var id in read.Removed) await search.RemoveAsync(id, ct);
        }
    }

    /// <summary>
    /// Stands for "the listing's own latest version" in <see cref="RefreshAsync"/>: a change that is not the listing's (an order
    /// that moves its quantity sold) indexes it again at the version of its latest write, which its next event will pass.
    /// </summary>
    public const long CurrentVersion = -1;

    /// <summary>The listings of orders that changed (their quantities sold may have), at <see cref="CurrentVersion"/>.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ListingsOfOrders(IEnumerable<string> orderIds) =>
        (await lists.OrderListings(orderIds)).Select(l => l.ListingId).Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, _ => CurrentVersion, StringComparer.Ordinal);

    /// <summary>The listings of a cooperative (after its admission changed), at version 0: their presence is what changes.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ListingsOf(string cooperativeId)
    {
        var listings = await lists.ListingsOf(cooperativeId);
        return listings.ToDictionary(e => e.Id, _ => 0L, StringComparer.Ordinal);
    }

    /// <summary>
    /// Indexes every searchable listing from the listings table (version 0: any later event wins), a batch at a time,
    /// reporting (done, total) as it goes. Returns how many were indexed.
    /// </summary>
    public async Task<int> IndexAllAsync(IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var statuses = Enum.GetValues<ListingStatus>().Where(s => ListingDocuments.Searchable(s, cooperativeMaySell: true)).Select(s => s.ToString()).ToList();
        var total = await lists.CountListings(statuses);
        var indexed = 0;
        var done = 0;
        progress?.Report((0, total));
        for (string? after = null; ;)
        {
            var ids = await lists.ListingIds(statuses, after, BatchSize);
            if (ids.Count == 0) return indexed;
            var read = await ReadAsync(ids.Select(id => (id, 0L)).ToList(), ct);
            await search.IndexAsync(read.Documents, ct);
            indexed += read.Documents.Count;
            done += ids.Count;
            after = ids[^1];
            progress?.Report((done, Math.Max(done, total)));
        }
    }

    private async Task<(List<ListingDocument> Documents, List<string> Removed)> ReadAsync(IReadOnlyList<(string Id, long Version)> listings, CancellationToken ct)
    {
        var documents = new ConcurrentBag<ListingDocument>();
        var removed = new ConcurrentBag<string>();
        await System.Threading.Tasks.Parallel.ForEachAsync(listings, new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct },
            async (item, _) =>
            {
                var grain = grains.GetGrain<IListingGrain>(item.Id);
                if (!await grain.Exists())
                {
                    removed.Add(item.Id);
                    return;
                }
                // The version before the state: a write in between is indexed again by its own event, at a version not lower.
                var version = item.Version == CurrentVersion ? await grain.Sequence() : item.Version;
                var listing = await grain.Get();
                var cooperative = await Cooperative(listing.CooperativeId);
                if (ListingDocuments.Searchable(listing.Status, cooperative.MaySell))
                    documents.Add(ListingDocuments.From(listing, cooperative.Name, version));
                else
                    removed.Add(item.Id);
            });
        if (documents.IsEmpty) return ([], removed.ToList());
        var cards = await lists.ListingCards(documents.Select(d => d.ListingId));
        return (documents.Select(d => d with { Sold = cards.GetValueOrDefault(d.ListingId)?.Sold ?? 0 }).ToList(), removed.ToList());
    }

    private async Task<(string Name, bool MaySell)> Cooperative(string id)
    {
        var now = clock.GetUtcNow();
        if (_cooperatives.TryGetValue(id, out var cached) && now - cached.At < CacheFor) return (cached.Name, cached.MaySell);
        var details = await grains.GetGrain<ICooperativeGrain>(id).Get();
        var maySell = await grains.GetGrain<ICooperativeAdmissionGrain>(id).MaySell();
        _cooperatives[id] = (details.Profile.Name, maySell, now);
        return (details.Profile.Name, maySell);
    }
}

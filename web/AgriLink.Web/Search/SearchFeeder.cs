using AgriLink.Search;
using AgriLink.Storage.Outbox;
using AgriLink.Web.Outbox;

namespace AgriLink.Web.Search;

/// <summary>
/// Keeps the search index following the market (consumer <c>search:{node}</c>): every <c>listing.*</c> event and every
/// cooperative admission change in the outbox makes it re-read the listings concerned and index or remove them, the
/// latest event's sequence as the document's version; an order's events re-read its listings (their quantities sold). On start an empty index is filled from the listings table.
/// </summary>
public sealed partial class SearchFeeder(
    IGrainFactory grains, ListingIndexer indexer, IListingSearch search, OutboxStore outbox, OutboxSignal signal,
    IConfiguration configuration, ILogger<SearchFeeder> logger)
    : OutboxFollower("search", grains, outbox, signal, configuration, logger)
{
    protected override async Task PrepareAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await search.CountAsync(ct) > 0) return;
                var indexed = await indexer.IndexAllAsync(null, ct);
                LogFilled(Logger, indexed);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFillFailed(Logger, e);
                if (!await Wait(TimeSpan.FromSeconds(5), ct)) return;
            }
        }
    }

    /// <summary>One listing once per batch (at its latest sequence); an admission change brings in its cooperative's listings.</summary>
    protected override async Task HandleAsync(IReadOnlyList<OutboxRecord> batch, CancellationToken ct)
    {
        var listings = new Dictionary<string, long>(StringComparer.Ordinal);
        var cooperatives = new HashSet<string>(StringComparer.Ordinal);
        var orders = new HashSet<string>(StringComparer.Ordinal);
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
            else if (e.Name.StartsWith("order.", StringComparison.Ordinal) && e.Resource.StartsWith("order:", StringComparison.Ordinal))
            {
                orders.Add(e.Resource["order:".Length..]);
            }
        }

        foreach (var cooperative in cooperatives)
        {
            indexer.Forget(cooperative);
            foreach (var (id, version) in await indexer.ListingsOf(cooperative)) listings.TryAdd(id, version);
        }
        if (orders.Count > 0)
            foreach (var (id, version) in await indexer.ListingsOfOrders(orders)) listings.TryAdd(id, version);
        if (listings.Count > 0) await indexer.RefreshAsync(listings, ct);
    }

    [LoggerMessage(LogLevel.Warning, "Could not fill the empty search index; retrying")]
    private static partial void LogFillFailed(ILogger logger, Exception error);

    [LoggerMessage(LogLevel.Information, "Search index was empty: indexed {Count} listings")]
    private static partial void LogFilled(ILogger logger, int count);
}

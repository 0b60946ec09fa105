namespace AgriLink.Search;

/// <summary>
/// Full-text listing search with filters, facets and sorts. Only listings that may be shown publicly are indexed
/// (published listings of admitted cooperatives); the feeder removes the others.
/// </summary>
public interface IListingSearch
{
    /// <summary>
    /// Adds or replaces documents by <see cref="ListingDocument.ListingId"/>. A document whose <see cref="ListingDocument.Version"/>
    /// is lower than the indexed one for the same listing is ignored (an older event arriving late never wins).
    /// Changes are searchable within about a second.
    /// </summary>
    Task IndexAsync(IReadOnlyList<ListingDocument> documents, CancellationToken ct = default);

    /// <summary>Removes a listing (unknown ids are ignored).</summary>
    Task RemoveAsync(string listingId, CancellationToken ct = default);

    Task<ListingSearchResult> SearchAsync(ListingQuery query, CancellationToken ct = default);

    /// <summary>Empties the index, for a rebuild.</summary>
    Task ResetAsync(CancellationToken ct = default);

    /// <summary>How many listings are indexed (the feeder indexes everything on start when this is 0).</summary>
    Task<long> CountAsync(CancellationToken ct = default);
}

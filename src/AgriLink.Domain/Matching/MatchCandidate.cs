using AgriLink.Domain.Listings;
using AgriLink.Domain.Quantities;

namespace AgriLink.Domain.Matching;

/// <summary>
/// A listing as matching sees it: its committed terms and <see cref="Relevance"/>, the search engine's score for the
/// demand's text (any non-negative scale: matching normalises it against the best candidate). <see cref="Monitored"/> is
/// its link to monitored households (null: not known, and the monitoring component is left out).
/// </summary>
public sealed record MatchCandidate(
    string ListingId,
    string CooperativeId,
    string Title,
    ProduceCategory Category,
    Unit Unit,
    long PriceFen,
    decimal Stock,
    decimal MinOrder,
    string CountyCode,
    DateOnly? HarvestDate,
    int? ShelfLifeDays,
    IReadOnlyList<string>? DeliveryAreas,
    bool PovertyCertified,
    bool OnSale,
    double Relevance,
    MonitoredProduce? Monitored = null)
{
    public static MatchCandidate From(string listingId, string cooperativeId, ListingDraft draft, ListingStatus status, bool povertyCertified, double relevance,
        MonitoredProduce? monitored = null) =>
        new(listingId, cooperativeId, draft.Title, draft.Category, draft.Unit, draft.PriceFen, draft.Stock, draft.MinOrder, draft.CountyCode,
            draft.HarvestDate, draft.ShelfLifeDays, draft.DeliveryAreas, povertyCertified, status == ListingStatus.Active, relevance, monitored);

    /// <summary>
    /// The listing's link to monitored households: a producer it names among <paramref name="monitoredMembers"/> (its
    /// cooperative's member households under confirmed monitoring), else any such member, else none.
    /// </summary>
    public static MonitoredProduce LinkOf(IReadOnlyCollection<string>? producerIds, IReadOnlySet<string> monitoredMembers) =>
        monitoredMembers.Count == 0 ? MonitoredProduce.None
        : producerIds?.Any(monitoredMembers.Contains) == true ? MonitoredProduce.Producer
        : MonitoredProduce.CooperativeMember;

    /// <summary>The text keywords are looked for in when no search engine scored the listing.</summary>
    public static string TextOf(ListingDraft draft) =>
        string.Join(' ', new[] { draft.Title, draft.Variety, draft.Specification, draft.Description }.Where(s => s is not null));
}

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
    /// How many monitored households a group (the listing's named producers, or its cooperative's members) must hold before
    /// matching says so: a listing made by one household, or a cooperative with one monitored member, would otherwise name
    /// that household as monitored to every buyer who reads the explanation or compares the points.
    /// </summary>
    public const int MinimumMonitored = 2;

    /// <summary>
    /// The listing's link to monitored households, said only of groups that identify no household: the producer link when
    /// at least <see cref="MinimumMonitored"/> of its named producers are monitored and it names at least one more
    /// household than that (so a reader cannot tell which of them are); else the cooperative link when at least
    /// <see cref="MinimumMonitored"/> of its cooperative's member households are (a cooperative has at least five members
    /// by law, Art. 19, and the listing's own producers are not said to be among them); else none.
    /// </summary>
    public static MonitoredProduce LinkOf(IReadOnlyCollection<string>? producerIds, IReadOnlySet<string> monitoredMembers)
    {
        var producers = producerIds?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        var monitoredProducers = producers.Count(monitoredMembers.Contains);
        if (monitoredProducers >= MinimumMonitored && producers.Count > MinimumMonitored) return MonitoredProduce.Producer;
        return monitoredMembers.Count >= MinimumMonitored ? MonitoredProduce.CooperativeMember : MonitoredProduce.None;
    }

    /// <summary>The text keywords are looked for in when no search engine scored the listing.</summary>
    public static string TextOf(ListingDraft draft) =>
        string.Join(' ', new[] { draft.Title, draft.Variety, draft.Specification, draft.Description }.Where(s => s is not null));
}

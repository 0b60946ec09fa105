using AgriLink.Domain.Listings;
using AgriLink.Grains.Listings;

namespace AgriLink.Grains.Matching;

/// <summary>
/// Tells the open-demands registry about a listing that just went on sale or was restocked. One-way: the listing's
/// callers never wait for matching.
/// </summary>
public static class DemandAnnouncer
{
    public static void Announce(IGrainFactory grains, string listingId, ListingState previous, ListingState committed, long? version)
    {
        if (version is null || Trigger(previous, committed) is not { } trigger) return;
        _ = grains.GetGrain<IOpenDemandsGrain>(0).ListingAvailable(new ListingOffer(
            listingId, committed.CooperativeId!, committed.Draft!, committed.Status, committed.Poverty is not null, version.Value, trigger));
    }

    /// <summary>
    /// <c>published</c> when a listing goes on sale (from draft or paused), <c>restocked</c> when it comes back from sold out
    /// or its total stock (available plus held) grows. Reservations and releases only move stock between the two.
    /// </summary>
    public static string? Trigger(ListingState previous, ListingState committed)
    {
        if (committed.Status != ListingStatus.Active || committed.Draft is null) return null;
        if (previous.Status == ListingStatus.SoldOut) return "restocked";
        if (previous.Status != ListingStatus.Active || previous.Draft is null) return "published";
        return Total(committed) > Total(previous) ? "restocked" : null;
    }

    private static decimal Total(ListingState s) => s.Draft!.Stock + s.Holds.Values.Sum(h => h.Quantity);
}

using AgriLink.Domain.Listings;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Live;

namespace AgriLink.Grains.Matching;

/// <summary>
/// The event a listing's write stages when the listing goes on sale or is restocked (topic <see cref="Topic"/>, which no
/// live client can join): committed with the change, so the matcher that follows it from the outbox hears of every such
/// change after a crash as well, and no listing waits for matching.
/// </summary>
public static class ListingAvailable
{
    public const string Topic = "matching";
    public const string Name = "listing.available";

    /// <summary>What the event carries: the listing and why it is announced.</summary>
    public sealed record Data(string ListingId, string Trigger);

    public static MarketEvent? Event(string listingId, ListingState previous, ListingState committed, long sequence, DateTimeOffset at) =>
        Trigger(previous, committed) is { } trigger
            ? MarketEvents.Create(Topic, Name, $"listing:{listingId}", sequence, at, new Data(listingId, trigger))
            : null;

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

using AgriLink.Grains.Directory;
using AgriLink.Grains.Projections;

namespace AgriLink.Web.Pages.Shop;

/// <summary>A page of public listings as cards (<c>_ListingCards</c>): each one's cover and quantity sold from the projections.</summary>
public sealed record ListingCardsView(string Id, IReadOnlyList<DirectoryEntry> Listings, IReadOnlyDictionary<string, ListingCard> Cards);

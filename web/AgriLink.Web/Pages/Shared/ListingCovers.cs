using AgriLink.Domain.Photos;
using AgriLink.Grains.Listings;

namespace AgriLink.Web.Pages.Shared;

/// <summary>
/// The cover photos of the listings a page shows (a market page, an order's lines), asked of their grains together: one
/// call per listing on the page, so the cost follows the page, not the market.
/// </summary>
public static class ListingCovers
{
    public static async Task<IReadOnlyDictionary<string, Photo>> LoadAsync(IGrainFactory grains, IEnumerable<string> listingIds)
    {
        var ids = listingIds.Distinct(StringComparer.Ordinal).ToList();
        var listings = await Task.WhenAll(ids.Select(async id =>
        {
            var grain = grains.GetGrain<IListingGrain>(id);
            return await grain.Exists() ? await grain.Get() : null;
        }));
        return listings.Where(l => l?.Photos is { Count: > 0 })
            .ToDictionary(l => l!.Id, l => l!.Photos![0], StringComparer.Ordinal);
    }
}

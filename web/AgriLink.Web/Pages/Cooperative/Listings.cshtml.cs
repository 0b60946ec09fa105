using AgriLink.Domain.Listings;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Listings;
using AgriLink.Web.Apis;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>The cooperative's listings with stock, publish and pause, all through <c>ListingsApi</c> (audited, per object).</summary>
public sealed class ListingsModel : CooperativePage
{
    public IReadOnlyList<ListingDetails> Listings { get; private set; } = [];

    public Task OnGetAsync() => Load();

    public async Task<IActionResult> OnPostStockAsync(string listingId, decimal stock)
    {
        var coop = await Load();
        // A stock that did not bind is refused beside the form, never set as 0.
        if (!ModelState.IsValid) return Page();
        Value<ListingDetails>(await ListingsApi.SetStock(Api, listingId, new SetStockRequest(stock)));
        return RedirectToPage(new { coop });
    }

    public async Task<IActionResult> OnPostPauseAsync(string listingId)
    {
        var coop = await Load();
        Value<ListingDetails>(await ListingsApi.Pause(Api, listingId));
        return RedirectToPage(new { coop });
    }

    public async Task<IActionResult> OnPostPublishAsync(string listingId)
    {
        var coop = await Load();
        Value<ListingDetails>(await ListingsApi.Publish(Api, listingId));
        return RedirectToPage(new { coop });
    }

    private async Task<string> Load()
    {
        var coop = await Cooperative();
        var entries = Value<Page<DirectoryEntry>>(await ListingsApi.List(Api, coop, null, null, 0, Paging.MaxLimit)).Items;
        var grains = Api.Grains;
        Listings = (await Task.WhenAll(entries.Select(e => grains.GetGrain<IListingGrain>(e.Id).Get())))
            .Where(l => l.Status != ListingStatus.Archived).OrderBy(l => l.Draft.Title, StringComparer.Ordinal).ToList();
        LiveRefreshOn.AddRange(["listing.created", "listing.status-changed"]);
        return coop;
    }
}

using AgriLink.Grains.Listings;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;

namespace AgriLink.Web.Pages.Market;

/// <summary>One listing as <c>GET /api/listings/{id}</c> shows it, its stock live (topic <c>listing:{id}</c>), and the add-to-cart form for buyers.</summary>
public sealed class ListingModel : AgriLinkPage
{
    public ListingDetails Listing { get; private set; } = null!;
    public string CooperativeName { get; private set; } = "";
    public bool CanBuy => User.IsInRole(Roles.Buyer);

    public async Task OnGetAsync(string id)
    {
        Listing = Value<ListingDetails>(await ListingsApi.Get(Api, id));
        CooperativeName = (await CooperativeNames()).GetValueOrDefault(Listing.CooperativeId, Listing.CooperativeId);
        LiveTopics.Add($"listing:{id}");
    }
}

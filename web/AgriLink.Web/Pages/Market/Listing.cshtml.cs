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

    /// <summary>The listing's rating and its latest visible reviews (from the projections).</summary>
    public Grains.Projections.Rating Rating { get; private set; } = null!;
    public IReadOnlyList<Grains.Projections.ReviewRow> LatestReviews { get; private set; } = [];

    /// <summary>Reviews shown on the listing's page.</summary>
    public const int ReviewsShown = 5;

    public async Task OnGetAsync(string id)
    {
        Listing = Value<ListingDetails>(await ListingsApi.Get(Api, id));
        CooperativeName = (await CooperativeNames()).GetValueOrDefault(Listing.CooperativeId, Listing.CooperativeId);
        LiveTopics.Add($"listing:{id}");
        var reviews = HttpContext.RequestServices.GetRequiredService<Grains.Projections.ReviewQueries>();
        Rating = await reviews.OfListing(Listing.Id);
        LatestReviews = (await reviews.ByListing(Listing.Id, null, ReviewsShown)).Items;
    }
}

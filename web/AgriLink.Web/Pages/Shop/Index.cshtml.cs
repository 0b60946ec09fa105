using AgriLink.Domain.Codes;
using AgriLink.Domain.Cooperatives;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Projections;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Shop;

/// <summary>
/// A cooperative's shop (店铺), for anyone, signed in or not: its profile photo, county and village, 深度贫困县 badge,
/// platform admission, member households and the poor among them, the enterprises among its members, its certified
/// products, its rating, and its public listings a page at a time by key, each with its cover. Everything but the photo and
/// description (one grain, the cooperative's) comes from the projections.
/// </summary>
public sealed class IndexModel(ShopQueries shops, DirectoryQueries directory, ReviewQueries reviews) : AgriLinkPage
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string CooperativeId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public ShopFacts Shop { get; private set; } = null!;
    public Domain.Photos.Photo? Photo { get; private set; }
    public string? Description { get; private set; }
    public Domain.Codes.County? County { get; private set; }
    public ListPage<DirectoryEntry> Listings { get; private set; } = new([], 0, null);
    public IReadOnlyDictionary<string, ListingCard> Cards { get; private set; } = new Dictionary<string, ListingCard>();

    public ListingCardsView ListingView => new("listings", Listings.Items, Cards);

    /// <summary>The cooperative's rating from its buyers' visible reviews (<c>reviews</c>).</summary>
    public Rating Rating { get; private set; } = null!;

    public string AdmissionLabel => Enum.TryParse<AdmissionStatus>(Shop.Admission, out var s) ? Localization.Labels.Of(s) : Shop.Admission;

    public async Task OnGetAsync()
    {
        Shop = await shops.Facts(CooperativeId) ?? throw new PageProblemException(new ProblemDetails { Status = 404 });
        County = Regions.TryGetCounty(Shop.CountyCode, out var county) ? county : null;
        var details = await Api.Grains.GetGrain<ICooperativeGrain>(CooperativeId).Get();
        (Photo, Description) = (details.Photo, details.Profile.Description);
        var page = PageRequest.Of(0, PageSize, After);
        // Public listings only (administered: none), whoever reads: the shop is the public's view, its admins included.
        Listings = await directory.Listings(CooperativeId, null, null, [], page);
        Cards = await directory.ListingCards(Listings.Items.Select(l => l.Id));
        Rating = await reviews.OfCooperative(CooperativeId);
    }
}

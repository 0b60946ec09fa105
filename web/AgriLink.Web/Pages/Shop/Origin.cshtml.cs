using AgriLink.Domain.Codes;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Projections;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Shop;

/// <summary>
/// A county as a place of origin (产地), for anyone: whether it is a 深度贫困县, its cooperatives (each linking to its shop)
/// and its public listings, each list a page at a time by key (<c>?coops=</c>, <c>?after=</c>), from the projections.
/// (<c>/county</c> is the county officer's workspace.)
/// </summary>
public sealed class OriginModel(DirectoryQueries directory) : AgriLinkPage
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string CountyCode { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public string? Coops { get; set; }

    public Domain.Codes.County County { get; private set; } = null!;
    public ListPage<DirectoryEntry> Cooperatives { get; private set; } = new([], 0, null);
    public ListPage<DirectoryEntry> Listings { get; private set; } = new([], 0, null);
    public IReadOnlyDictionary<string, ListingCard> Cards { get; private set; } = new Dictionary<string, ListingCard>();

    public ListingCardsView ListingView => new("listings", Listings.Items, Cards);

    public async Task OnGetAsync()
    {
        County = Regions.TryGetCounty(CountyCode, out var county) ? county : throw new PageProblemException(new ProblemDetails { Status = 404 });
        Cooperatives = await directory.Cooperatives(County.Code, PageRequest.Of(0, PageSize, Coops));
        Listings = await directory.Listings(null, County.Code, null, [], PageRequest.Of(0, PageSize, After));
        Cards = await directory.ListingCards(Listings.Items.Select(l => l.Id));
    }

    /// <summary>This page with one list moved on (the other list's position kept).</summary>
    public string Link(string? coops, string? after) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
        $"/origin/{Uri.EscapeDataString(County.Code)}",
        new Dictionary<string, string?> { ["coops"] = coops, ["after"] = after }.Where(p => p.Value is not null));
}

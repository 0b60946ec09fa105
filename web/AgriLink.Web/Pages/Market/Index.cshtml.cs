using AgriLink.Domain.Codes;
using AgriLink.Domain.Listings;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Listings;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Market;

/// <summary>
/// The public market: what <c>GET /api/listings</c> shows, narrowed by text, category, county and 扶贫产品认定, with a
/// count per facet value. Stock updates live (topic <c>market</c>).
/// </summary>
public sealed class IndexModel : AgriLinkPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ProduceCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? County { get; set; }
    [BindProperty(SupportsGet = true)] public bool Certified { get; set; }

    public IReadOnlyList<ListingDetails> Listings { get; private set; } = [];
    public IReadOnlyList<(ProduceCategory Value, int Count)> Categories { get; private set; } = [];
    public IReadOnlyList<(County Value, int Count)> Counties { get; private set; } = [];

    public async Task OnGetAsync()
    {
        new Domain.Errors.Validator().Text("q", Q, 100, required: false).ThrowIfInvalid();
        var all = await Public();
        var text = Matching(all).ToList();
        Categories = text.Where(l => InCounty(l) && IsCertifiedEnough(l)).GroupBy(l => l.Draft.Category)
            .OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        Counties = text.Where(l => InCategory(l) && IsCertifiedEnough(l)).GroupBy(l => l.Draft.CountyCode)
            .Select(g => (Regions.TryGetCounty(g.Key, out var c) ? c : new County(g.Key, g.Key, "", false), g.Count()))
            .OrderBy(c => c.Item1.Code, StringComparer.Ordinal).ToList();
        Listings = text.Where(l => InCategory(l) && InCounty(l) && IsCertifiedEnough(l))
            .OrderByDescending(l => l.PovertyCertification is not null).ThenBy(l => l.Draft.Title, StringComparer.Ordinal).ToList();
        LiveTopics.Add("market");
    }

    /// <summary>The link for this search with one facet changed.</summary>
    public string Link(ProduceCategory? category = null, string? county = null, bool? certified = null, bool clearCategory = false, bool clearCounty = false)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["category"] = clearCategory ? null : (category ?? Category)?.ToString(),
            ["county"] = clearCounty ? null : county ?? County,
            ["certified"] = (certified ?? Certified) ? "true" : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/market", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private async Task<IReadOnlyList<ListingDetails>> Public()
    {
        // The API's own list decides what is public (published listings of admitted cooperatives).
        var entries = Value<Page<DirectoryEntry>>(await ListingsApi.List(Api, null, null, null, 0, Paging.MaxLimit));
        var grains = Api.Grains;
        var details = await Task.WhenAll(entries.Items.Select(e => grains.GetGrain<IListingGrain>(e.Id).Get()));
        return details.Where(d => d.Status is ListingStatus.Active or ListingStatus.SoldOut).ToList();
    }

    private IEnumerable<ListingDetails> Matching(IEnumerable<ListingDetails> listings)
    {
        var words = (Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return listings.Where(l => words.All(w =>
            $"{l.Draft.Title} {l.Draft.Variety} {l.Draft.Specification} {l.Draft.Description} {l.Draft.Village} {CountyName(l.Draft.CountyCode)}"
                .Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    public static string CountyName(string code) => Regions.TryGetCounty(code, out var c) ? c.Name : code;

    private bool InCategory(ListingDetails l) => Category is null || l.Draft.Category == Category;
    private bool InCounty(ListingDetails l) => string.IsNullOrEmpty(County) || l.Draft.CountyCode == County;
    private bool IsCertifiedEnough(ListingDetails l) => !Certified || l.PovertyCertification is not null;
}

using AgriLink.Domain.Quantities;
using AgriLink.Search;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace AgriLink.Web.Pages.Market;

/// <summary>
/// The public market: <c>GET /api/search/listings</c> (the same handler, reading this page's own query string, so the
/// same parameters, checks and problems) with its facets as links, sorts and pages. A plain GET form and links: it
/// works before any script runs. Stock updates live (topic <c>market</c>).
/// </summary>
public sealed class IndexModel(IListingSearch search) : AgriLinkPage
{
    /// <summary>The search box (bound so a problem with it shows beside it).</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    /// <summary>The answer; null when the query was refused (the problems are in the model state).</summary>
    public ListingSearchPage? Result { get; private set; }

    /// <summary>Each listing's cover photo and quantity sold, from the projections (one query for the page).</summary>
    public IReadOnlyDictionary<string, Grains.Projections.ListingCard> Cards { get; private set; } = new Dictionary<string, Grains.Projections.ListingCard>();

    public static readonly IReadOnlyList<(ListingSort Sort, string Label)> Sorts =
        [(ListingSort.Relevance, "综合"), (ListingSort.PriceAsc, "价格从低到高"), (ListingSort.PriceDesc, "价格从高到低"), (ListingSort.Freshness, "最新"), (ListingSort.Sales, "销量")];

    public async Task OnGetAsync(CancellationToken ct)
    {
        LiveTopics.Add("market");
        Result = Value<ListingSearchPage>(await SearchApi.Listings(Request, search, ct));
        Cards = await Api.Lists.ListingCards(Result.Items.Select(i => i.ListingId));
    }

    public int PageCount => Result is null ? 0 : (int)Math.Min((Result.Total + Result.PageSize - 1) / Result.PageSize, ListingQuery.MaxSkip / Result.PageSize + 1);

    /// <summary>Whether the query string holds <paramref name="value"/> among the values of <paramref name="name"/>.</summary>
    public bool Has(string name, string value) => Values(name).Contains(value, StringComparer.OrdinalIgnoreCase);

    public bool IsSet(string name) => Values(name).Count > 0;

    /// <summary>This search with one value of a many-valued filter switched on or off (back to the first page).</summary>
    public string Toggle(string name, string value) => With(name, Has(name, value)
        ? Values(name).Where(v => !string.Equals(v, value, StringComparison.OrdinalIgnoreCase)).ToArray()
        : [.. Values(name), value]);

    /// <summary>This search with <paramref name="name"/> set to <paramref name="values"/> (none: removed), back to the first page unless it is the page.</summary>
    public string With(string name, params string[] values) => With(new Dictionary<string, string[]> { [name] = values });

    public string With(IReadOnlyDictionary<string, string[]> changes)
    {
        var query = new List<KeyValuePair<string, string?>>();
        foreach (var (key, values) in Request.Query)
        {
            if (changes.ContainsKey(key) || (key == "page" && !changes.ContainsKey("page"))) continue;
            query.AddRange(Split(values).Select(v => new KeyValuePair<string, string?>(key, v)));
        }
        foreach (var (key, values) in changes)
            query.AddRange(values.Select(v => new KeyValuePair<string, string?>(key, v)));
        return QueryHelpers.AddQueryString("/market", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    /// <summary>The link for a price bucket: its bounds as the inclusive minPrice/maxPrice the search takes.</summary>
    public string PriceLink(PriceBucket bucket) => IsPrice(bucket)
        ? With(new Dictionary<string, string[]> { ["minPrice"] = [], ["maxPrice"] = [] })
        : With(new Dictionary<string, string[]>
        {
            ["minPrice"] = bucket.FromFen is { } from ? [from.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [],
            ["maxPrice"] = bucket.ToFen is { } to ? [(to - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)] : [],
        });

    public bool IsPrice(PriceBucket bucket) =>
        Values("minPrice").SingleOrDefault() == bucket.FromFen?.ToString(System.Globalization.CultureInfo.InvariantCulture)
        && Values("maxPrice").SingleOrDefault() == (bucket.ToFen - 1)?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public ListingSort CurrentSort => Enum.TryParse<ListingSort>(Values("sort").FirstOrDefault(), true, out var s) && Enum.IsDefined(s) ? s : ListingSort.Relevance;

    /// <summary>The query's values except the ones the search form itself sends (kept as hidden fields).</summary>
    public IEnumerable<KeyValuePair<string, string>> Kept() => Request.Query
        .Where(p => p.Key is not ("q" or "page"))
        .SelectMany(p => Split(p.Value).Select(v => new KeyValuePair<string, string>(p.Key, v)));

    /// <summary>Whether the county is one of the 深度贫困县.</summary>
    public static bool DeepPoverty(string code) => Domain.Codes.Regions.TryGetCounty(code, out var c) && c.DeepPoverty;

    public static string CountyName(string code) => Domain.Codes.Regions.TryGetCounty(code, out var c) ? c.Name : code;

    public static string UnitLabel(string unit) => Enum.TryParse<Unit>(unit, out var u) ? Units.ChineseName(u) : unit;

    private List<string> Values(string name) => Request.Query.TryGetValue(name, out var values) ? Split(values).ToList() : [];

    private static IEnumerable<string> Split(StringValues values) =>
        values.SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

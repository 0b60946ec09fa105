using System.Globalization;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Listings;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Listings;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace AgriLink.Web.Pages.Operator;

/// <summary>
/// 扶贫产品认定: every listing not archived, certified ones first, each granted (approval number and date) or revoked
/// (with a reason) through <c>CertificationsApi</c>, with its history. Refusals show as form messages. A GET form filters
/// by cooperative and county (the listing list's own <c>cooperativeId</c> and <c>county</c>) and by certified or not;
/// <c>page</c> pages through <see cref="PageSize"/> at a time, as the market does. Grant and revoke come back to the
/// same filter and page.
/// </summary>
public sealed class CertificationsModel : AgriLinkPage
{
    public const int PageSize = 20;

    /// <summary>This page's listings, certified first, split in two.</summary>
    public IReadOnlyList<ListingDetails> Certified { get; private set; } = [];
    public IReadOnlyList<ListingDetails> Awaiting { get; private set; } = [];

    /// <summary>How many listings match the filter in all, certified and not, over every page.</summary>
    public int CertifiedTotal { get; private set; }
    public int AwaitingTotal { get; private set; }

    public IReadOnlyDictionary<string, string> Cooperatives { get; private set; } = new Dictionary<string, string>();

    /// <summary>The counties of the listings not archived, for the county filter.</summary>
    public IReadOnlyList<string> Counties { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "cooperative")] public string? CooperativeFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "county")] public string? CountyFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "certified")] public bool? CertifiedFilter { get; set; }

    /// <summary>The 1-based page, from the query string (a Razor page's own <c>page</c> route value would shadow a bound one).</summary>
    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (CertifiedTotal + AwaitingTotal + PageSize - 1) / PageSize);

    [BindProperty] public string? CertificateNumber { get; set; }
    [BindProperty] public DateOnly? ApprovedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync() => await Load();

    public async Task<IActionResult> OnPostGrantAsync(string listingId)
    {
        await Load();
        // A missing date is the API's own "approvedOn" message, not a binding error: the default date is refused there.
        var certification = new PovertyCertification(CertificateNumber ?? "", ApprovedOn ?? default);
        Value<ListingDetails>(await CertificationsApi.Grant(Api, listingId, certification));
        return Redirect(ListUrl(PageNumber) + $"#listing-{listingId}");
    }

    public async Task<IActionResult> OnPostRevokeAsync(string listingId)
    {
        await Load();
        Value<ListingDetails>(await CertificationsApi.Revoke(Api, listingId, new RevokeCertificationRequest(Reason)));
        return Redirect(ListUrl(PageNumber) + $"#listing-{listingId}");
    }

    /// <summary>This page with the current filter at <paramref name="page"/>, or the form action of a handler.</summary>
    public string ListUrl(int page, string? handler = null)
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new("cooperative", CooperativeFilter),
            new("county", CountyFilter),
            new("certified", CertifiedFilter is { } c ? (c ? "true" : "false") : null),
            new("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null),
            new("handler", handler),
        };
        return QueryHelpers.AddQueryString("/operator/certifications", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private async Task Load()
    {
        PageNumber = ReadPage();
        CooperativeFilter = string.IsNullOrWhiteSpace(CooperativeFilter) ? null : CooperativeFilter.Trim();
        CountyFilter = string.IsNullOrWhiteSpace(CountyFilter) ? null : CountyFilter.Trim();
        Cooperatives = await CooperativeNames();
        var all = await Entries(null, null);
        Counties = all.Select(e => e.CountyCode).Where(c => !string.IsNullOrEmpty(c)).Distinct().Order(StringComparer.Ordinal).ToList();

        var listings = new List<ListingDetails>();
        var filtered = CooperativeFilter is null && CountyFilter is null ? all : await Entries(CooperativeFilter, CountyFilter);
        foreach (var entry in filtered)
            listings.Add(Value<ListingDetails>(await ListingsApi.Get(Api, entry.Id)));
        var matching = listings
            .Where(l => l.Status != ListingStatus.Archived)
            .Where(l => CertifiedFilter is not { } c || (l.PovertyCertification is not null) == c)
            .OrderBy(l => l.PovertyCertification is null)
            .ThenBy(l => l.CooperativeId, StringComparer.Ordinal)
            .ThenBy(l => l.Id, StringComparer.Ordinal)
            .ToList();
        CertifiedTotal = matching.Count(l => l.PovertyCertification is not null);
        AwaitingTotal = matching.Count - CertifiedTotal;
        var shown = matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        Certified = shown.Where(l => l.PovertyCertification is not null).ToList();
        Awaiting = shown.Where(l => l.PovertyCertification is null).ToList();
    }

    /// <summary>Every listing directory entry the listing list answers for the filter, page by page.</summary>
    private async Task<List<DirectoryEntry>> Entries(string? cooperative, string? county)
    {
        var entries = new List<DirectoryEntry>();
        for (var offset = 0; ; offset += Paging.MaxLimit)
        {
            var page = Value<Page<DirectoryEntry>>(await ListingsApi.List(Api, cooperative, county, null, offset, Paging.MaxLimit));
            entries.AddRange(page.Items);
            if (offset + page.Items.Count >= page.Total || page.Items.Count == 0) return entries;
        }
    }

    private int ReadPage()
    {
        var raw = Request.Query["page"].ToString();
        if (raw.Length == 0) return 1;
        var ok = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var page);
        new Validator().Check(ok && page >= 1, "page", "must be a whole number from 1.").ThrowIfInvalid();
        return page;
    }
}

using AgriLink.Domain.Listings;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Listings;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Operator;

/// <summary>
/// 扶贫产品认定: every listing not archived, certified ones first, each granted (approval number and date) or revoked
/// (with a reason) through <c>CertificationsApi</c>, with its history. Refusals show as form messages.
/// </summary>
public sealed class CertificationsModel : AgriLinkPage
{
    public IReadOnlyList<ListingDetails> Certified { get; private set; } = [];
    public IReadOnlyList<ListingDetails> Awaiting { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Cooperatives { get; private set; } = new Dictionary<string, string>();

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
        return RedirectToPage(null, null, $"listing-{listingId}");
    }

    public async Task<IActionResult> OnPostRevokeAsync(string listingId)
    {
        await Load();
        Value<ListingDetails>(await CertificationsApi.Revoke(Api, listingId, new RevokeCertificationRequest(Reason)));
        return RedirectToPage(null, null, $"listing-{listingId}");
    }

    private async Task Load()
    {
        Cooperatives = await CooperativeNames();
        var listings = new List<ListingDetails>();
        for (var offset = 0; ; offset += Paging.MaxLimit)
        {
            var page = Value<Page<DirectoryEntry>>(await ListingsApi.List(Api, null, null, null, offset, Paging.MaxLimit));
            foreach (var entry in page.Items)
                listings.Add(Value<ListingDetails>(await ListingsApi.Get(Api, entry.Id)));
            if (offset + page.Items.Count >= page.Total || page.Items.Count == 0) break;
        }
        var open = listings.Where(l => l.Status != ListingStatus.Archived).OrderBy(l => l.CooperativeId, StringComparer.Ordinal)
            .ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
        Certified = open.Where(l => l.PovertyCertification is not null).ToList();
        Awaiting = open.Where(l => l.PovertyCertification is null).ToList();
    }
}

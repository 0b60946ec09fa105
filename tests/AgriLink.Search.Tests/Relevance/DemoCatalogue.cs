using AgriLink.Domain.Listings;
using AgriLink.Grains.Listings;
using AgriLink.Web.Search;
using AgriLink.Web.Seeding;

namespace AgriLink.Search.Tests.Relevance;

/// <summary>The demo catalogue as the app indexes it: DemoData's published listings through the app's own mapping.</summary>
public static class DemoCatalogue
{
    public static IReadOnlyList<ListingDocument> Documents()
    {
        var at = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var certified = DemoMarketplace.Certified.ToDictionary(c => c.ListingId, c => c.Number);
        return DemoData.Listings.Where(l => l.Publish).Select((l, i) =>
        {
            var details = new ListingDetails(l.Id, l.CooperativeId, l.Draft.Normalized(),
                ListingLifecycle.Publish(ListingStatus.Draft, l.Draft.Stock), at, at.AddMinutes(i),
                PovertyCertification: certified.TryGetValue(l.Id, out var number) ? new PovertyCertification(number, new(2026, 6, 1)) : null);
            var cooperative = DemoData.Cooperatives.Single(c => c.Id == l.CooperativeId).Profile.Name;
            return ListingDocuments.From(details, cooperative, 1);
        }).ToList();
    }
}

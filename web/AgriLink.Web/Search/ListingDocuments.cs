using AgriLink.Domain.Codes;
using AgriLink.Domain.Listings;
using AgriLink.Grains.Listings;
using AgriLink.Search;

namespace AgriLink.Web.Search;

/// <summary>How a listing becomes a search document, and which listings the public search shows.</summary>
public static class ListingDocuments
{
    /// <summary>
    /// Active and sold-out listings of a cooperative that may sell. Drafts, paused and archived listings, and every
    /// listing of a suspended or never admitted cooperative, are left out (and removed when they change to that).
    /// </summary>
    public static bool Searchable(ListingStatus status, bool cooperativeMaySell) =>
        cooperativeMaySell && status is ListingStatus.Active or ListingStatus.SoldOut;

    public static ListingDocument From(ListingDetails listing, string cooperativeName, long version)
    {
        var d = listing.Draft;
        var county = Regions.TryGetCounty(d.CountyCode, out var c) ? c : null;
        var province = Regions.ProvinceName(d.CountyCode) ?? "";
        var origin = county is null ? $"{province}{d.Village}" : $"{province}{county.Prefecture}{county.Name}{d.Village}";
        return new ListingDocument(
            listing.Id, listing.CooperativeId, cooperativeName, d.Title, d.Category.ToString(), d.PriceFen, d.Unit.ToString(),
            listing.Status == ListingStatus.SoldOut ? 0 : d.Stock, d.MinOrder, d.CountyCode, county?.Name ?? d.CountyCode, origin,
            listing.UpdatedAt, version, d.Variety, d.Specification, d.Description, d.HarvestDate, d.ShelfLifeDays,
            PovertyCertified: listing.PovertyCertification is not null,
            DeepPovertyCounty: county?.DeepPoverty ?? false,
            Certifications: d.Certifications?.Select(x => x.Kind.ToString()).ToList(),
            DeliveryAreas: d.DeliveryAreas);
    }
}

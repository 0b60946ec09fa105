using AgriLink.Domain.Codes;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Orders;
using AgriLink.Web.Exports;

namespace AgriLink.Web.Pages.Operator;

/// <summary>
/// The impact dashboard's figures by county, read from the grains (cooperatives, their members and sub-orders, listings).
/// A scan: fine for a province's few hundred cooperatives; a projection fed by events replaces it when that stops being true.
/// </summary>
public static class ImpactReport
{
    public static async Task<IReadOnlyList<CountyImpact>> ByCounty(IGrainFactory grains)
    {
        var cooperatives = await grains.GetGrain<IDirectoryGrain>(DirectoryKinds.Cooperatives).List();
        var listings = await grains.GetGrain<IDirectoryGrain>(DirectoryKinds.Listings).List();
        var details = await Task.WhenAll(cooperatives.Select(c => grains.GetGrain<ICooperativeGrain>(c.Id).Get()));
        var orders = await Task.WhenAll(cooperatives.Select(c => grains.GetGrain<ICooperativeOrdersGrain>(c.Id).List(null)));
        var listingDetails = await Task.WhenAll(listings.Select(l => grains.GetGrain<IListingGrain>(l.Id).Get()));
        var onSale = listingDetails.Where(l => l.Status is ListingStatus.Active or ListingStatus.SoldOut).ToList();

        return cooperatives.Select((c, i) => (Coop: c, Members: details[i].Members.Count, Orders: orders[i]))
            .GroupBy(c => c.Coop.CountyCode)
            .Select(g =>
            {
                var ids = g.Select(c => c.Coop.Id).ToHashSet(StringComparer.Ordinal);
                var sold = g.SelectMany(c => c.Orders).Where(o => o.Status is not (OrderStatus.Cancelled or OrderStatus.Refunded)).ToList();
                var countyListings = onSale.Where(l => ids.Contains(l.CooperativeId)).ToList();
                Regions.TryGetCounty(g.Key, out var county);
                return new CountyImpact(g.Key, county?.Name ?? g.Key, county?.DeepPoverty ?? false, g.Count(), g.Sum(c => c.Members),
                    countyListings.Count, countyListings.Count(l => l.PovertyCertification is not null), sold.Count, sold.Sum(o => o.AmountFen));
            })
            .OrderByDescending(c => c.SalesFen).ThenBy(c => c.CountyCode, StringComparer.Ordinal).ToList();
    }

    public static Table AsTable(IReadOnlyList<CountyImpact> counties, bool chinese) => new(
        "impact",
        chinese
            ? ["县级代码", "县", "深度贫困县", "合作社", "成员", "在售商品", "扶贫产品认定商品", "订单", "销售额（元）"]
            : ["County code", "County", "Deep poverty", "Cooperatives", "Members", "Listings on sale", "Certified listings", "Orders", "Sales (yuan)"],
        counties.Select(c => (IReadOnlyList<object>)[c.CountyCode, c.CountyName, c.DeepPoverty ? (chinese ? "是" : "yes") : (chinese ? "否" : "no"),
            c.Cooperatives, c.Members, c.Listings, c.CertifiedListings, c.Orders, new Domain.Money(c.SalesFen).ToYuanString()]).ToList());
}

using AgriLink.Grains.Buyers;
using AgriLink.Grains.Listings;

namespace AgriLink.Grains.Tests.Orders;

/// <summary>What an order needs first: an admitted cooperative's published listing (stock 100, minimum 1) and a registered buyer.</summary>
public static class OrderSteps
{
    public static async Task<(string CooperativeId, string ListingId, string BuyerId)> ListingAndBuyer(this IClusterClient client)
    {
        var coop = await client.AdmittedCooperative();
        var listingId = Samples.ListingId();
        var listing = client.GetGrain<IListingGrain>(listingId);
        await listing.Create(coop, Samples.Listing(100) with { MinOrder = 1 });
        await listing.Publish();
        var buyer = Samples.BuyerId();
        await client.GetGrain<IBuyerGrain>(buyer).Register(Samples.Buyer());
        return (coop, listingId, buyer);
    }
}

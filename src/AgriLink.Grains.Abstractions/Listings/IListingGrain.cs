using AgriLink.Domain.Listings;

namespace AgriLink.Grains.Listings;

[Alias("AgriLink.IListingGrain")]
public interface IListingGrain : IGrainWithStringKey
{
    [Alias("Create")] Task<ListingDetails> Create(string cooperativeId, ListingDraft draft);
    [Alias("Get")] Task<ListingDetails> Get();
    [Alias("Exists")] Task<bool> Exists();
    [Alias("Update")] Task<ListingDetails> Update(ListingDraft draft);
    [Alias("Publish")] Task<ListingDetails> Publish();
    [Alias("Pause")] Task<ListingDetails> Pause();
    [Alias("Archive")] Task<ListingDetails> Archive();
    [Alias("SetStock")] Task<ListingDetails> SetStock(decimal stock);
}

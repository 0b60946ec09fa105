namespace AgriLink.Domain.Listings;

[GenerateSerializer, Alias("AgriLink.ListingStatus")]
public enum ListingStatus
{
    Draft = 0,
    Active = 1,
    Paused = 2,
    SoldOut = 3,
    Archived = 4,
}

namespace AgriLink.Grains.Directory;

public static class DirectoryKinds
{
    public const string Cooperatives = "cooperatives";
    public const string Households = "households";
    public const string Enterprises = "enterprises";
    public const string VillageCollectives = "village-collectives";
    public const string Buyers = "buyers";
    public const string Listings = "listings";
}

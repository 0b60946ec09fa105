namespace AgriLink.Web.Auth;

public static class Roles
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string CooperativeAdmin = nameof(CooperativeAdmin);
    public const string EnterpriseAdmin = nameof(EnterpriseAdmin);
    public const string Household = nameof(Household);
    public const string Buyer = nameof(Buyer);
    /// <summary>A county's rural revitalisation office: recommends its county's cooperatives for admission (claim agrilink:county).</summary>
    public const string CountyOfficer = nameof(CountyOfficer);

    public static readonly string[] All = [PlatformAdmin, CooperativeAdmin, EnterpriseAdmin, Household, Buyer, CountyOfficer];
}

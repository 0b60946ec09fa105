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
    /// <summary>A township's officer (乡镇): checks the monitoring cases of its township (claim agrilink:area, 9 digits).</summary>
    public const string TownshipOfficer = nameof(TownshipOfficer);
    /// <summary>A village cadre or resident first secretary (村干部、驻村第一书记): reviews and visits in its villages (claims agrilink:area, 12 digits).</summary>
    public const string VillageCadre = nameof(VillageCadre);
    /// <summary>
    /// A prefecture's or province's rural revitalisation office (市、省乡村振兴部门): reads the 防返贫监测 dashboards of its
    /// region (claim agrilink:area, 4 or 2 digits); it takes no step of a case and reads no case.
    /// </summary>
    public const string RegionOfficer = nameof(RegionOfficer);

    public static readonly string[] All = [PlatformAdmin, CooperativeAdmin, EnterpriseAdmin, Household, Buyer, CountyOfficer, TownshipOfficer, VillageCadre, RegionOfficer];

    /// <summary>The roles that work on 防返贫监测 cases, each within its areas.</summary>
    public static readonly string[] MonitoringStaff = [CountyOfficer, TownshipOfficer, VillageCadre];
}

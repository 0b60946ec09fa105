using System.Security.Claims;
using AgriLink.Domain.Codes;

namespace AgriLink.Web.Auth;

/// <summary>
/// Per-object authorization: a role alone never grants access to somebody else's object;
/// the account's claim must name the object (or the account is a platform operator).
/// </summary>
public static class Access
{
    public static bool IsPlatformAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.PlatformAdmin);

    public static bool AdministersCooperative(this ClaimsPrincipal user, string cooperativeId) =>
        user.IsPlatformAdmin() || user.Acts(Roles.CooperativeAdmin, AgriLinkClaims.Cooperative, cooperativeId);

    public static bool AdministersEnterprise(this ClaimsPrincipal user, string enterpriseId) =>
        user.IsPlatformAdmin() || user.Acts(Roles.EnterpriseAdmin, AgriLinkClaims.Enterprise, enterpriseId);

    public static bool IsHousehold(this ClaimsPrincipal user, string householdId) =>
        user.Acts(Roles.Household, AgriLinkClaims.Household, householdId);

    public static bool IsBuyer(this ClaimsPrincipal user, string buyerId) =>
        user.IsPlatformAdmin() || user.Acts(Roles.Buyer, AgriLinkClaims.Buyer, buyerId);

    /// <summary>A county officer of the county (or a platform operator): recommends that county's cooperatives.</summary>
    public static bool ActsForCounty(this ClaimsPrincipal user, string countyCode) =>
        user.IsPlatformAdmin() || user.Acts(Roles.CountyOfficer, AgriLinkClaims.County, countyCode);

    /// <summary>The counties a county officer acts for (its claims); none for other roles.</summary>
    public static IReadOnlyList<string> OfficerCounties(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.CountyOfficer) ? user.FindAll(AgriLinkClaims.County).Select(c => c.Value).ToList() : [];

    /// <summary>
    /// The areas this account works 防返贫监测 in: a county officer's counties (6 digits), a township officer's townships
    /// (9) and a village cadre's villages (12), each from the claims of its role; none for other roles.
    /// </summary>
    public static IReadOnlyList<string> MonitoringAreas(this ClaimsPrincipal user) =>
    [
        .. user.OfficerCounties(),
        .. user.AreasOf(Roles.TownshipOfficer, AreaCode.Township),
        .. user.AreasOf(Roles.VillageCadre, AreaCode.Village),
    ];

    /// <summary>
    /// The areas whose 防返贫监测 dashboards this account reads: its monitoring areas, and a region officer's prefectures
    /// (4 digits) or provinces (2).
    /// </summary>
    public static IReadOnlyList<string> DashboardAreas(this ClaimsPrincipal user) =>
    [
        .. user.MonitoringAreas(),
        .. user.IsInRole(Roles.RegionOfficer) ? user.FindAll(AgriLinkClaims.Area).Select(c => c.Value).Where(AreaCode.IsRegion) : [],
    ];

    /// <summary>The role's area claims of the role's length (a 12-digit claim on a township officer is not a township).</summary>
    public static IReadOnlyList<string> AreasOf(this ClaimsPrincipal user, string role, int length) =>
        user.IsInRole(role) ? user.FindAll(AgriLinkClaims.Area).Select(c => c.Value).Where(a => a.Length == length && AreaCode.IsArea(a)).ToList() : [];

    /// <summary>
    /// True when the account works on this household's cases: an operator, an officer of its county, or a township officer
    /// or village cadre whose area holds its village (a household without a village code only its county's officers).
    /// </summary>
    public static bool WorksOnHousehold(this ClaimsPrincipal user, string countyCode, string? villageCode) =>
        user.ActsForCounty(countyCode)
        || user.AreasOf(Roles.TownshipOfficer, AreaCode.Township).Any(a => AreaCode.Covers(a, villageCode))
        || user.AreasOf(Roles.VillageCadre, AreaCode.Village).Any(a => AreaCode.Covers(a, villageCode));

    public static IReadOnlyList<string> AdministeredCooperatives(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.CooperativeAdmin)
            ? user.FindAll(AgriLinkClaims.Cooperative).Select(c => c.Value).ToList()
            : [];

    public static string ActorName(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "unknown" : "anonymous";

    private static bool Acts(this ClaimsPrincipal user, string role, string claim, string id) =>
        user.IsInRole(role) && user.HasClaim(claim, id);
}

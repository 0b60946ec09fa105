using System.Security.Claims;

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

    /// <summary>The cooperatives this account administers (empty for everyone else).</summary>
    /// <summary>The counties a county officer acts for (its claims); none for other roles.</summary>
    public static IReadOnlyList<string> OfficerCounties(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.CountyOfficer) ? user.FindAll(AgriLinkClaims.County).Select(c => c.Value).ToList() : [];

    public static IReadOnlyList<string> AdministeredCooperatives(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.CooperativeAdmin)
            ? user.FindAll(AgriLinkClaims.Cooperative).Select(c => c.Value).ToList()
            : [];

    public static string ActorName(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "unknown" : "anonymous";

    private static bool Acts(this ClaimsPrincipal user, string role, string claim, string id) =>
        user.IsInRole(role) && user.HasClaim(claim, id);
}

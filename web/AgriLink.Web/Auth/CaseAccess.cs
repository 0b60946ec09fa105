using System.Security.Claims;
using AgriLink.Domain.Codes;
using AgriLink.Domain.Monitoring;

namespace AgriLink.Web.Auth;

/// <summary>Which roles of 防返贫监测 an account takes on a household's case (the case checks which step each role may take).</summary>
public static class CaseAccess
{
    /// <summary>
    /// Each role within its area: the household itself reports; a village cadre (or first secretary) of the household's
    /// village reviews; an officer of its township checks; an officer of its county confirms. The area is matched by the
    /// village's code (统计用区划代码): a household without one has only its county. Operators read, and act as nobody.
    /// </summary>
    public static IReadOnlyList<CaseRole> RolesOn(ClaimsPrincipal user, string countyCode, string? villageCode, string householdId)
    {
        if (user.IsHousehold(householdId)) return [CaseRole.Household];
        List<CaseRole> roles = [];
        if (user.AreasOf(Roles.VillageCadre, AreaCode.Village).Any(a => AreaCode.Covers(a, villageCode))) roles.Add(CaseRole.VillageCadre);
        if (user.AreasOf(Roles.TownshipOfficer, AreaCode.Township).Any(a => AreaCode.Covers(a, villageCode))) roles.Add(CaseRole.TownshipOfficer);
        if (user.OfficerCounties().Contains(countyCode, StringComparer.Ordinal)) roles.Add(CaseRole.CountyOfficer);
        return roles;
    }
}

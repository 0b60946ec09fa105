using System.Security.Claims;
using AgriLink.Domain.Monitoring;

namespace AgriLink.Web.Auth;

/// <summary>Which roles of 防返贫监测 an account takes on a household's case (the case checks which step each role may take).</summary>
public static class CaseAccess
{
    /// <summary>
    /// The household itself reports. A county officer of the household's county confirms, and — until village cadres and
    /// township officers have accounts of their own — records the village's review and the township's check on their
    /// behalf (the step says whose step it was; the audit log names the officer who recorded it). Operators read only.
    /// </summary>
    public static IReadOnlyList<CaseRole> RolesOn(ClaimsPrincipal user, string countyCode, string householdId)
    {
        if (user.IsHousehold(householdId)) return [CaseRole.Household];
        return user.OfficerCounties().Contains(countyCode, StringComparer.Ordinal)
            ? [CaseRole.CountyOfficer, CaseRole.TownshipOfficer, CaseRole.VillageCadre]
            : [];
    }
}

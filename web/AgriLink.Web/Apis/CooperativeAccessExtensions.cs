using System.Security.Claims;
using AgriLink.Grains.Cooperatives;
using AgriLink.Web.Auth;

namespace AgriLink.Web.Apis;

public static class CooperativeAccessExtensions
{
    public static async Task<CooperativeRelation> RelationTo(this ApiServices s, string cooperativeId)
    {
        if (s.User.AdministersCooperative(cooperativeId)) return CooperativeRelation.Admin;
        var coop = await s.Grains.GetGrain<ICooperativeGrain>(cooperativeId).Get();
        return s.User.FindFirstValue(AgriLinkClaims.Household) is { } household && s.User.IsHousehold(household) &&
               coop.Members.Any(m => m.MemberId == household)
            ? CooperativeRelation.Member
            : CooperativeRelation.None;
    }

    /// <summary>Whether the caller's household is a supervisor (监事) of the cooperative: who audits its assembly's ballots.</summary>
    public static async Task<bool> SupervisesCooperative(this ApiServices s, string cooperativeId) =>
        s.User.FindFirstValue(AgriLinkClaims.Household) is { } household && s.User.IsHousehold(household) &&
        (await s.Grains.GetGrain<ICooperativeGrain>(cooperativeId).Get()).Members
            .Any(m => m.MemberId == household && m.Office == Domain.Cooperatives.CooperativeOffice.Supervisor);

    /// <summary>The register, charter, trade and declarations list: operators, the cooperative's admins and its member households.</summary>
    public static async Task<bool> CanReadRecordsOf(this ApiServices s, string cooperativeId) =>
        s.User.IsPlatformAdmin() || await s.RelationTo(cooperativeId) != CooperativeRelation.None;
}

using System.Security.Claims;
using AgriLink.Grains.Cooperatives;
using AgriLink.Web.Auth;

namespace AgriLink.Web.Apis;

public static class CooperativeAccessExtensions
{
    public static async Task<CooperativeRelation> RelationTo(this ApiServices s, string cooperativeId)
    {
        if (s.User.AdministersCooperative(cooperativeId)) return CooperativeRelation.Admin;
        return await s.OwnMembership(cooperativeId) is not null ? CooperativeRelation.Member : CooperativeRelation.None;
    }

    /// <summary>Whether the caller's household is a supervisor (监事) of the cooperative: who audits its assembly's ballots.</summary>
    public static async Task<bool> SupervisesCooperative(this ApiServices s, string cooperativeId) =>
        (await s.OwnMembership(cooperativeId))?.Office == Domain.Cooperatives.CooperativeOffice.Supervisor;

    /// <summary>The caller's household's entry on the cooperative's roll, or null (not a household, or not a member).</summary>
    private static async Task<Domain.Cooperatives.CooperativeMember?> OwnMembership(this ApiServices s, string cooperativeId) =>
        s.User.FindFirstValue(AgriLinkClaims.Household) is { } household && s.User.IsHousehold(household)
            ? await s.Grains.GetGrain<ICooperativeGrain>(cooperativeId).Member(household)
            : null;

    /// <summary>The register, charter, trade and declarations list: operators, the cooperative's admins and its member households.</summary>
    public static async Task<bool> CanReadRecordsOf(this ApiServices s, string cooperativeId) =>
        s.User.IsPlatformAdmin() || await s.RelationTo(cooperativeId) != CooperativeRelation.None;
}

using AgriLink.Grains.Cooperatives;

namespace AgriLink.Web.Apis;

/// <summary>What anyone may see of a cooperative: its business identity, not its members.</summary>
public sealed record CooperativePublicProfile(
    string Id, string Name, string CreditCode, string CountyCode, string Village, DateOnly FoundedOn,
    string? Description, int MemberCount)
{
    public static CooperativePublicProfile From(CooperativeDetails c) =>
        new(c.Id, c.Profile.Name, c.Profile.CreditCode, c.Profile.CountyCode, c.Profile.Village, c.Profile.FoundedOn,
            c.Profile.Description, c.Members.Count);
}

using System.Security.Claims;
using AgriLink.Domain.Errors;
using AgriLink.Storage;
using AgriLink.Web.Auth;
using Dapper;

namespace AgriLink.Web.Accounts;

/// <summary>
/// Who may invite whom, for which object:
/// <list type="bullet">
/// <item>a platform operator: operators, and the admins of any cooperative, enterprise or buyer, county officers, households;</item>
/// <item>a cooperative admin: households that are members of a cooperative it administers (by the member index);</item>
/// <item>a buyer: staff of its own buyer, or of a buyer counted toward it (its union, <c>parent_buyer_id</c>);</item>
/// <item>a county officer: township officers and village cadres (first secretaries) of its county's townships and villages.</item>
/// </list>
/// An object the inviter may not invite for gets the same answer whether it exists or not.
/// </summary>
public sealed class InvitationRules(AgriLinkDatabase database)
{
    /// <summary>The claim an account of the role carries for its object (null: the role acts for no one object).</summary>
    public static string? ClaimFor(string role) => role switch
    {
        Roles.CooperativeAdmin => AgriLinkClaims.Cooperative,
        Roles.EnterpriseAdmin => AgriLinkClaims.Enterprise,
        Roles.Household => AgriLinkClaims.Household,
        Roles.Buyer => AgriLinkClaims.Buyer,
        Roles.CountyOfficer => AgriLinkClaims.County,
        Roles.TownshipOfficer or Roles.VillageCadre or Roles.RegionOfficer => AgriLinkClaims.Area,
        _ => null,
    };

    /// <summary>True when <paramref name="inviter"/> may invite an account of <paramref name="role"/> for <paramref name="objectId"/>.</summary>
    public async Task<bool> MayInvite(ClaimsPrincipal inviter, string role, string? objectId)
    {
        if (inviter.IsPlatformAdmin())
        {
            if (role is not (Roles.PlatformAdmin or Roles.CountyOfficer or Roles.TownshipOfficer or Roles.VillageCadre or Roles.RegionOfficer) && !await Exists(role, objectId!))
                throw ValidationFailedException.For("objectId", $"No object with id '{objectId}' is registered for the role '{role}'.");
            return true;
        }
        return role switch
        {
            Roles.Household => await MemberOfAdministered(inviter, objectId!),
            Roles.Buyer => inviter.IsInRole(Roles.Buyer) && await CountedToward(objectId!, inviter.FindAll(AgriLinkClaims.Buyer).Select(c => c.Value)),
            Roles.TownshipOfficer or Roles.VillageCadre => inviter.OfficerCounties().Any(county => objectId!.StartsWith(county, StringComparison.Ordinal)),
            _ => false,
        };
    }

    private async Task<bool> MemberOfAdministered(ClaimsPrincipal inviter, string householdId)
    {
        var administered = inviter.AdministeredCooperatives();
        if (administered.Count == 0) return false;
        await using var connection = await database.OpenAsync();
        var of = await connection.QueryAsync<string>(
            "SELECT cooperative_id FROM cooperative_members WHERE member_id = @householdId", new { householdId });
        return of.Any(administered.Contains);
    }

    private async Task<bool> CountedToward(string buyerId, IEnumerable<string> own)
    {
        var mine = own.ToHashSet(StringComparer.Ordinal);
        if (mine.Contains(buyerId)) return true;
        await using var connection = await database.OpenAsync();
        var parent = await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT parent_buyer_id FROM buyers WHERE id = @buyerId", new { buyerId });
        return parent is not null && mine.Contains(parent);
    }

    private async Task<bool> Exists(string role, string objectId)
    {
        var table = role switch
        {
            Roles.CooperativeAdmin => "cooperatives",
            Roles.EnterpriseAdmin => "enterprises",
            Roles.Household => "households",
            Roles.Buyer => "buyers",
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "A role without an object table."),
        };
        await using var connection = await database.OpenAsync();
        // The table name is one of the four above, never the caller's text.
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE id = @objectId", new { objectId }) > 0;
    }
}

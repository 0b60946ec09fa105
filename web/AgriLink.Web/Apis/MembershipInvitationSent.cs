namespace AgriLink.Web.Apis;

/// <summary>
/// The answer to a cooperative admin's request to admit a household: an invitation waiting for the household's consent
/// (it accepts or declines on its own page). The same answer whether or not such a household exists in the county.
/// </summary>
public sealed record MembershipInvitationSent(string CooperativeId, string MemberId, string Status);

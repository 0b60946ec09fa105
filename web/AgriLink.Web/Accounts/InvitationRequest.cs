namespace AgriLink.Web.Accounts;

/// <summary>
/// Who to invite: the role, the object the account will act for (a cooperative, enterprise, buyer or household id, a
/// county's code; none for a platform operator), the person's name, and for a household its mobile number.
/// </summary>
public sealed record InvitationRequest(string? Role, string? ObjectId, string? DisplayName, string? Phone);

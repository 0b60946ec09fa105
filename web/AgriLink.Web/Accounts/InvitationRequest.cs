namespace AgriLink.Web.Accounts;

/// <summary>
/// Who to invite: the role, the object the account will act for (a cooperative, enterprise, buyer or household id, a
/// county's code; none for a platform operator), the person's name, and for a household its mobile number.
/// </summary>
public sealed record InvitationRequest(string? Role, string? ObjectId, string? DisplayName, string? Phone);

/// <summary>A role to take from an account, or only one object of it.</summary>
public sealed record AccessRemoval(string? Role, string? ObjectId);

/// <summary>An account as whoever manages it sees it: roles, the objects it acts for, disabled or not, two-factor on or not.</summary>
public sealed record ManagedAccount(
    string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Objects, bool Disabled, bool TwoFactorEnabled);

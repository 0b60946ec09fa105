namespace AgriLink.Web.Accounts;

/// <summary>
/// A one-time code in <c>account_codes</c>: an invitation to open an account with a role and the object it acts for, or a
/// password reset for an existing account. Only the code's hash is kept; the code itself is shown once to whoever issued it.
/// Times are Unix milliseconds (one column type on SQLite and PostgreSQL).
/// </summary>
public sealed class AccountCode
{
    public const string Table = "account_codes";

    public string Id { get; set; } = "";
    public AccountCodePurpose Purpose { get; set; }
    public string CodeHash { get; set; } = "";
    /// <summary>The role the invited account gets (invitations only).</summary>
    public string? Role { get; set; }
    /// <summary>The claim that names the object the account acts for (<see cref="Auth.AgriLinkClaims"/>), with <see cref="ObjectId"/>.</summary>
    public string? ClaimType { get; set; }
    public string? ObjectId { get; set; }
    public string DisplayName { get; set; } = "";
    /// <summary>A household's phone number: offered as its user name, and where a forgotten-password code is sent.</summary>
    public string? Phone { get; set; }
    public string IssuedById { get; set; } = "";
    public string IssuedByName { get; set; } = "";
    public long CreatedAt { get; set; }
    public long ExpiresAt { get; set; }
    public long? RevokedAt { get; set; }
    public long? UsedAt { get; set; }
    /// <summary>The account the code opened (an invitation) or resets (a reset).</summary>
    public string? AccountId { get; set; }
}

public enum AccountCodePurpose
{
    Invitation = 1,
    PasswordReset = 2,
}

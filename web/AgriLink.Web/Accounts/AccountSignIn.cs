namespace AgriLink.Web.Accounts;

/// <summary>One successful sign-in, for the account's own list of recent sign-ins (<c>account_sign_ins</c>).</summary>
public sealed class AccountSignIn
{
    public const string Table = "account_sign_ins";

    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    /// <summary>Unix milliseconds.</summary>
    public long At { get; set; }
    public string? Address { get; set; }
    /// <summary>"password", "password+totp", "recovery-code", "refresh" is not recorded.</summary>
    public string Method { get; set; } = "";
}

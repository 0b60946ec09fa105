namespace AgriLink.Web.Accounts;

/// <summary>Settings under <c>AgriLink:Accounts</c>.</summary>
public sealed class AccountsOptions
{
    public const string Section = "AgriLink:Accounts";

    /// <summary>How long an invitation can be used.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a password reset code can be used (one an administrator issues, or one sent for a forgotten password).</summary>
    public TimeSpan ResetCodeLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Platform operators and whoever approves or pays dividends must have two-factor sign-in enabled before those actions.
    /// On by default; a test or a first trial of the demo may turn it off (see README "Accounts").
    /// </summary>
    public bool RequireTwoFactor { get; set; } = true;
}

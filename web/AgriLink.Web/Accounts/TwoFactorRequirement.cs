using System.Security.Claims;
using AgriLink.Domain.Errors;
using AgriLink.Web.Auth;
using Microsoft.Extensions.Options;

namespace AgriLink.Web.Accounts;

/// <summary>
/// Platform operators, and whoever approves or pays dividends, act only in a session signed in with a second factor
/// (<c>amr=mfa</c>), unless <see cref="AccountsOptions.RequireTwoFactor"/> is off. Demo accounts (published password,
/// claim <see cref="AgriLinkClaims.Demo"/>) are exempt so the demo and its tests stay usable; they are removed before
/// real use (<c>remove-demo-accounts</c>).
/// </summary>
public sealed class TwoFactorRequirement(IOptionsMonitor<AccountsOptions> options)
{
    public const string Code = "account.two-factor-required";

    public bool Satisfied(ClaimsPrincipal user) =>
        !options.CurrentValue.RequireTwoFactor
        || user.HasClaim(AgriLinkClaims.AuthenticationMethod, AgriLinkClaims.MultiFactor)
        || user.HasClaim(AgriLinkClaims.Demo, "true");

    /// <summary>Throws the 403 that names the reason when the session has no second factor.</summary>
    public void Demand(ClaimsPrincipal user)
    {
        if (!Satisfied(user))
            throw new AccessRefusedException(Code,
                "This action needs two-factor sign-in: set up an authenticator app at /account/two-factor, then sign in again with its code.");
    }
}

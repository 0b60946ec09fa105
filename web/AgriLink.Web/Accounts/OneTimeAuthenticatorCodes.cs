using System.Globalization;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace AgriLink.Web.Accounts;

/// <summary>
/// The authenticator app's codes (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), each accepted once. Identity's
/// own provider accepts a code again for as long as its window lasts (±2 steps), so a code seen over someone's shoulder
/// or in a proxy's log signs in a second time within those minutes; RFC 6238 §5.2 says a verifier must not accept a
/// code twice. This one keeps, per account, the last step whose code was accepted (an Identity user token) and accepts
/// only later steps. The window stays Identity's, for phones whose clocks are a minute off.
/// </summary>
public sealed class OneTimeAuthenticatorCodes : IUserTwoFactorTokenProvider<AgriLinkUser>
{
    internal const string LoginProvider = "[AgriLink]";
    internal const string LastStepToken = "AuthenticatorLastStep";
    private static readonly VerificationWindow Window = new(previous: 2, future: 2);

    public Task<string> GenerateAsync(string purpose, UserManager<AgriLinkUser> manager, AgriLinkUser user) =>
        Task.FromResult(string.Empty); // the app makes the codes

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AgriLinkUser> manager, AgriLinkUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AgriLinkUser> manager, AgriLinkUser user)
    {
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
            return false;
        if (!new Totp(Base32Encoding.ToBytes(key)).VerifyTotp(token, out var step, Window))
            return false;
        if (long.TryParse(await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken), CultureInfo.InvariantCulture, out var last)
            && step <= last)
            return false;
        // Stored with the account's concurrency stamp: of two sign-ins with the same code at once, one fails to store it.
        return (await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture))).Succeeded;
    }
}

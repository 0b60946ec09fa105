using System.Security.Claims;
using System.Text.Encodings.Web;
using AgriLink.Domain.Errors;
using AgriLink.Web.Accounts;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace AgriLink.Web.Apis;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, Identity's authenticator token provider) and recovery codes.
/// Setting it up or turning it off changes the account's security stamp: every session ends, and the next sign-in
/// gives the code. Each change is audited.
/// </summary>
public static class TwoFactorApi
{
    public const int RecoveryCodes = 10;

    public static RouteGroupBuilder MapTwoFactorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/account/two-factor").WithTags("Accounts").RequireAuthorization();
        api.MapGet("/", Status).WithName("TwoFactorStatus").WithSummary("Whether two-factor sign-in is on, and how many recovery codes are left.");
        api.MapPost("/setup", Setup).WithName("TwoFactorSetup")
            .WithSummary("The authenticator key (and otpauth URI for a QR code) to add to an app; a new key while two-factor is off.");
        api.MapPost("/enable", Enable).WithName("TwoFactorEnable")
            .WithSummary("Turn two-factor sign-in on with a code from the app; answers the recovery codes, shown this once.");
        api.MapPost("/disable", Disable).WithName("TwoFactorDisable").WithSummary("Turn two-factor sign-in off (a current code required).");
        return api;
    }

    public static async Task<Ok<TwoFactorStatus>> Status(UserManager<AgriLinkUser> users, ClaimsPrincipal user)
    {
        var account = await users.GetUserAsync(user) ?? throw new InvalidOperationException("A signed-in account that does not exist.");
        return TypedResults.Ok(new TwoFactorStatus(await users.GetTwoFactorEnabledAsync(account), await users.CountRecoveryCodesAsync(account),
            user.HasClaim(AgriLinkClaims.AuthenticationMethod, AgriLinkClaims.MultiFactor)));
    }

    public static async Task<Ok<AuthenticatorSetup>> Setup(UserManager<AgriLinkUser> users, ClaimsPrincipal user)
    {
        var account = await users.GetUserAsync(user) ?? throw new InvalidOperationException("A signed-in account that does not exist.");
        if (await users.GetTwoFactorEnabledAsync(account))
            throw new RuleViolationException("account.two-factor-on", "Two-factor sign-in is already on; turn it off first to use a new app.");
        // A new key each time it is set up: a key shown before (and perhaps seen) is not kept.
        IdentityProblems.ThrowIfFailed(await users.ResetAuthenticatorKeyAsync(account));
        // The last used step belonged to the old key; the new app's current code must not wait for the next one.
        IdentityProblems.ThrowIfFailed(await users.RemoveAuthenticationTokenAsync(account, OneTimeAuthenticatorCodes.LoginProvider, OneTimeAuthenticatorCodes.LastStepToken));
        var key = (await users.GetAuthenticatorKeyAsync(account))!;
        return TypedResults.Ok(new AuthenticatorSetup(key, AuthenticatorUri(account.UserName!, key)));
    }

    public static async Task<Ok<RecoveryCodeList>> Enable(TwoFactorCodeRequest request, UserManager<AgriLinkUser> users, AccountService accounts, ClaimsPrincipal user)
    {
        var account = await Verified(request, users, user);
        IReadOnlyList<string> codes = [];
        await accounts.AuditedAsync(account, "account.two-factor-on", async () =>
        {
            IdentityProblems.ThrowIfFailed(await users.SetTwoFactorEnabledAsync(account, true));
            codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodes))!.ToList();
        });
        return TypedResults.Ok(new RecoveryCodeList(codes));
    }

    public static async Task<NoContent> Disable(TwoFactorCodeRequest request, UserManager<AgriLinkUser> users, AccountService accounts, ClaimsPrincipal user)
    {
        var account = await Verified(request, users, user);
        await accounts.AuditedAsync(account, "account.two-factor-off", async () =>
        {
            IdentityProblems.ThrowIfFailed(await users.SetTwoFactorEnabledAsync(account, false));
            IdentityProblems.ThrowIfFailed(await users.ResetAuthenticatorKeyAsync(account));
        });
        return TypedResults.NoContent();
    }

    /// <summary>The otpauth URI authenticator apps read from a QR code (Google's Key Uri Format).</summary>
    public static string AuthenticatorUri(string userName, string key) =>
        $"otpauth://totp/AgriLink:{UrlEncoder.Default.Encode(userName)}?secret={key}&issuer=AgriLink&digits=6";

    private static async Task<AgriLinkUser> Verified(TwoFactorCodeRequest request, UserManager<AgriLinkUser> users, ClaimsPrincipal user)
    {
        new Validator().Text("code", request.Code, 10).ThrowIfInvalid();
        var account = await users.GetUserAsync(user) ?? throw new InvalidOperationException("A signed-in account that does not exist.");
        var code = request.Code!.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (await users.GetAuthenticatorKeyAsync(account) is null ||
            !await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code))
            throw ValidationFailedException.For("code", "is not the code the authenticator app shows now, or was used already: wait for the next one.");
        return account;
    }
}

public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, bool ThisSessionUsedIt);

public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri);

public sealed record RecoveryCodeList(IReadOnlyList<string> RecoveryCodes);

public sealed record TwoFactorCodeRequest(string? Code);

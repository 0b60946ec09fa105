using System.Security.Claims;
using AgriLink.Domain.Errors;
using AgriLink.Web.Accounts;
using AgriLink.Web.Auth;
using AgriLink.Web.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace AgriLink.Web.Apis;

/// <summary>
/// Accounts: invitations per role and object, activation with one's own password, password change and reset, and
/// sessions. <c>/api/account</c> is the caller's own account; <c>/api/accounts/{userName}</c> one the caller manages
/// (<see cref="AccountService.MayManage"/>). Codes are shown once, in the answer that issues them.
/// </summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/api/account").WithTags("Accounts");
        own.MapPost("/invitations", Invite).WithName("InviteAccount").RequireAuthorization()
            .WithSummary("Invite someone to open an account with a role for an object; the code and link are in this answer only.");
        own.MapGet("/invitations", Issued).WithName("ListIssuedCodes").RequireAuthorization()
            .WithSummary("The invitations and reset codes the caller issued, newest first (page with beforeId).");
        own.MapPost("/invitations/{codeId}/revoke", Revoke).WithName("RevokeCode").RequireAuthorization()
            .WithSummary("Revoke an invitation or reset code the caller issued, unless already used.");
        own.MapPost("/activate", Activate).WithName("ActivateAccount").AllowAnonymous()
            .RequireRateLimiting(AuthExtensions.SignInRateLimit).DisableAntiforgery()
            .WithSummary("Open an invited account: the code, a user name (a household may use its phone number) and a password.");
        own.MapPost("/password", ChangePassword).WithName("ChangePassword").RequireAuthorization()
            .WithSummary("Change one's own password (the current one required); every other session ends.");
        own.MapPost("/password/reset", ResetPassword).WithName("ResetPassword").AllowAnonymous()
            .RequireRateLimiting(AuthExtensions.SignInRateLimit).DisableAntiforgery()
            .WithSummary("Set a new password with a one-time reset code; every session of the account ends.");
        own.MapPost("/password/forgot", Forgot).WithName("ForgotPassword").AllowAnonymous()
            .RequireRateLimiting(AuthExtensions.SignInRateLimit).DisableAntiforgery()
            .WithSummary("Send a reset code to the account's phone or e-mail (through the configured gateway). Always 202.");
        own.MapPost("/sign-out-everywhere", SignOutEverywhere).WithName("SignOutEverywhere").RequireAuthorization()
            .WithSummary("End every session and refresh token of one's account, this one included.");
        own.MapGet("/sign-ins", SignIns).WithName("RecentSignIns").RequireAuthorization()
            .WithSummary("One's own recent sign-ins: when, from which address, by which method.");

        var others = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization();
        others.MapPost("/{userName}/reset-code", IssueReset).WithName("IssueResetCode")
            .WithSummary("A one-time password reset code for an account the caller invited (operators: any); its sessions end.");
        others.MapGet("/{userName}", Managed).WithName("GetManagedAccount")
            .WithSummary("An account the caller invited (operators: any but other operators'): roles, objects, disabled, two-factor.");
        others.MapPost("/{userName}/disable", Disable).WithName("DisableAccount")
            .WithSummary("Disable an account the caller manages: it cannot sign in, and its sessions and refresh tokens end.");
        others.MapPost("/{userName}/enable", Enable).WithName("EnableAccount").WithSummary("Enable a disabled account again.");
        others.MapPost("/{userName}/remove-access", RemoveAccess).WithName("RemoveAccountAccess")
            .WithSummary("Take a role from an account, or one object of it; its sessions end.");
        return own;
    }

    public static async Task<Results<Created<IssuedCode>, ForbidHttpResult>> Invite(
        InvitationRequest request, AccountService accounts, ClaimsPrincipal user, HttpContext http)
    {
        if (await accounts.InviteAsync(user, request) is not { } invitation) return TypedResults.Forbid();
        var (row, code) = invitation;
        return TypedResults.Created($"/api/account/invitations/{row.Id}", Shown(row, code, http, "/account/activate"));
    }

    public static async Task<Ok<IReadOnlyList<AccountCodeView>>> Issued(
        AccountService accounts, ClaimsPrincipal user, string? beforeId, int? limit) =>
        TypedResults.Ok(await accounts.IssuedAsync(user, beforeId, Paging.Limit(limit, 50)));

    public static async Task<Results<Ok<AccountCodeView>, ForbidHttpResult>> Revoke(
        string codeId, AccountService accounts, ClaimsPrincipal user, TimeProvider clock) =>
        await accounts.RevokeAsync(user, codeId) is { } row ? TypedResults.Ok(AccountCodeView.Of(row, clock.GetUtcNow())) : TypedResults.Forbid();

    public static async Task<Ok<ActivatedAccount>> Activate(ActivationRequest request, AccountService accounts)
    {
        var user = await accounts.ActivateAsync(request);
        return TypedResults.Ok(new ActivatedAccount(user.UserName!, user.DisplayName));
    }

    public static async Task<NoContent> ChangePassword(
        PasswordChangeRequest request, AccountService accounts, ClaimsPrincipal user, SignInManager<AgriLinkUser> signIn, HttpContext http)
    {
        var account = await accounts.ChangePasswordAsync(user, request);
        // A page's own cookie is renewed with the new stamp; a bearer client signs in again (its token carries the old one).
        if (http.Request.Cookies.ContainsKey("agrilink")) await signIn.RefreshSignInAsync(account);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<ActivatedAccount>> ResetPassword(PasswordResetRequest request, AccountService accounts)
    {
        var user = await accounts.ResetPasswordAsync(request);
        return TypedResults.Ok(new ActivatedAccount(user.UserName!, user.DisplayName));
    }

    public static async Task<Accepted> Forgot(ForgotPasswordRequest request, AccountService accounts)
    {
        await accounts.ForgotAsync(request.UserName);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<NoContent> SignOutEverywhere(AccountService accounts, ClaimsPrincipal user)
    {
        await accounts.SignOutEverywhereAsync(user);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<SignInView>>> SignIns(SignInHistory history, UserManager<AgriLinkUser> users, ClaimsPrincipal user) =>
        TypedResults.Ok(await history.RecentAsync(users.GetUserId(user)!));

    public static async Task<Results<Created<IssuedCode>, ForbidHttpResult>> IssueReset(
        string userName, AccountService accounts, ClaimsPrincipal user, HttpContext http)
    {
        if (await accounts.IssueResetAsync(user, userName) is not { } reset) return TypedResults.Forbid();
        var (row, code) = reset;
        return TypedResults.Created($"/api/account/invitations/{row.Id}", Shown(row, code, http, "/account/reset"));
    }

    public static async Task<Results<Ok<ManagedAccount>, ForbidHttpResult>> Managed(string userName, AccountService accounts, ClaimsPrincipal user) =>
        Answer(await accounts.FindManagedAsync(user, userName));

    public static async Task<Results<Ok<ManagedAccount>, ForbidHttpResult>> Disable(string userName, AccountService accounts, ClaimsPrincipal user) =>
        Answer(await accounts.SetDisabledAsync(user, userName, disabled: true));

    public static async Task<Results<Ok<ManagedAccount>, ForbidHttpResult>> Enable(string userName, AccountService accounts, ClaimsPrincipal user) =>
        Answer(await accounts.SetDisabledAsync(user, userName, disabled: false));

    public static async Task<Results<Ok<ManagedAccount>, ForbidHttpResult>> RemoveAccess(
        string userName, AccessRemoval removal, AccountService accounts, ClaimsPrincipal user) =>
        Answer(await accounts.RemoveAccessAsync(user, userName, removal));

    /// <summary>The same refusal for an account that does not exist and one the caller may not manage.</summary>
    private static Results<Ok<ManagedAccount>, ForbidHttpResult> Answer(ManagedAccount? account) =>
        account is null ? TypedResults.Forbid() : TypedResults.Ok(account);

    private static IssuedCode Shown(AccountCode row, string code, HttpContext http, string page)
    {
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var link = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{page}?code={Uri.EscapeDataString(code)}";
        return new IssuedCode(AccountCodeView.Of(row, clock.GetUtcNow()), code, link);
    }
}

public sealed record ActivatedAccount(string UserName, string DisplayName);

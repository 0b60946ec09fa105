using System.Security.Claims;
using AgriLink.Domain.Errors;
using AgriLink.Web.Auth;
using AgriLink.Web.Extensions;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AgriLink.Web.Apis;

/// <summary>
/// Sign-in for API clients. Bearer tokens by default, a cookie with <c>?useCookies=true</c>.
/// Rate limited per address (sign-in and refresh each with their own budget); failures from one address make that address
/// wait, progressively, before the account takes its next attempt from it (<see cref="SignInGuard"/>). An unknown user, a
/// wrong password and an address that must wait all get the same 401.
/// </summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Sign-in");
        api.MapPost("/login", Login).WithName("Login").WithSummary("Exchange a user name and password for a bearer token (or a cookie).")
            .RequireRateLimiting(AuthExtensions.SignInRateLimit).DisableAntiforgery();
        api.MapPost("/refresh", Refresh).WithName("RefreshToken").WithSummary("Exchange a refresh token for a new bearer token.")
            .RequireRateLimiting(AuthExtensions.RefreshRateLimit);
        api.MapGet("/me", Me).WithName("Me").WithSummary("Who the caller is: roles and the objects the account acts for.")
            .RequireAuthorization();
        return api;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(
        LoginRequest request, bool? useCookies, SignInManager<AgriLinkUser> signIn, SignInGuard guard, HttpContext http)
    {
        new Validator().Text("userName", request.UserName, 100).Text("password", request.Password, 200)
            .Text("twoFactorCode", request.TwoFactorCode, 10, required: false).Text("twoFactorRecoveryCode", request.TwoFactorRecoveryCode, 40, required: false)
            .ThrowIfInvalid();
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await guard.PasswordSignInAsync(request.UserName!, request.Password!, http.Connection.RemoteIpAddress,
            isPersistent: useCookies == true, request.TwoFactorCode, request.TwoFactorRecoveryCode);
        if (result.RequiresTwoFactor)
            return TypedResults.Problem("This account signs in with two factors: send twoFactorCode (or twoFactorRecoveryCode) as well.",
                statusCode: 401, title: "Second factor needed.", type: "urn:agrilink:problem:sign-in-two-factor");
        // One answer for an unknown user, a wrong password (or second factor) and an address that must wait: nothing to tell them apart by.
        if (!result.Succeeded)
            return TypedResults.Problem("The user name or password is wrong.", statusCode: 401,
                title: "Sign-in failed.", type: "urn:agrilink:problem:sign-in-failed");
        // The sign-in has written the token response (or set the cookie).
        return TypedResults.Empty;
    }

    public static async Task<Results<SignInHttpResult, ChallengeHttpResult>> Refresh(
        RefreshRequest request, SignInManager<AgriLinkUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        // A refresh token dies with its session: a new security stamp (password changed, signed out everywhere, a role
        // removed) or a disabled account refuses it.
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires ||
            await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user || await signIn.UserManager.IsLockedOutAsync(user))
            return TypedResults.Challenge();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        // The second factor given at sign-in holds for the session's refreshed tokens.
        if (ticket.Principal.HasClaim(AgriLinkClaims.AuthenticationMethod, AgriLinkClaims.MultiFactor))
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AgriLinkClaims.AuthenticationMethod, AgriLinkClaims.MultiFactor));
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    public static Ok<Me> Me(ClaimsPrincipal user) => TypedResults.Ok(new Me(
        user.Identity!.Name!,
        user.FindFirstValue(AgriLinkClaims.DisplayName) ?? user.Identity.Name!,
        Roles.All.Where(user.IsInRole).ToList(),
        user.FindAll(AgriLinkClaims.Cooperative).Select(c => c.Value).ToList(),
        user.FindFirstValue(AgriLinkClaims.Enterprise),
        user.FindFirstValue(AgriLinkClaims.Household),
        user.FindFirstValue(AgriLinkClaims.Buyer)));
}

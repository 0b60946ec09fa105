using System.Security.Claims;
using AgriLink.Web.Auth;
using AgriLink.Web.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AgriLink.Web.Accounts;

/// <summary>
/// After authentication, on every request with a session (cookie or bearer token):
/// <list type="number">
/// <item>the session's security stamp must still be the account's, and the account not disabled: a password change, a reset,
/// "sign out everywhere", a role removed or the account disabled ends cookies and bearer tokens alike within
/// <see cref="CheckedEvery"/> (Identity checks only cookies, and only at its own interval);</item>
/// <item>a platform operator acts only with a second factor (<see cref="TwoFactorRequirement"/>): anything but their own
/// account's pages and routes answers 403 naming the reason (a page sends them to set it up).</item>
/// </list>
/// </summary>
public static class SessionCheck
{
    public static readonly TimeSpan CheckedEvery = TimeSpan.FromSeconds(30);

    public static async Task Handle(HttpContext http, Func<Task> next)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            if (!await IsCurrent(http))
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            else if (http.User.IsPlatformAdmin() && Gated(http) &&
                     !http.RequestServices.GetRequiredService<TwoFactorRequirement>().Satisfied(http.User))
            {
                if (PipelineExtensions.IsPageRequest(http))
                {
                    http.Response.Redirect("/account/two-factor");
                    return;
                }
                http.RequestServices.GetRequiredService<TwoFactorRequirement>().Demand(http.User);
            }
        }
        await next();
    }

    /// <summary>The account's own pages and routes stay open (to set up the second factor), and the site's public pages.</summary>
    private static bool Gated(HttpContext http)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/api"))
            return !path.StartsWithSegments("/api/auth") && !path.StartsWithSegments("/api/account");
        return PipelineExtensions.IsPageRequest(http) && path != "/" && !path.StartsWithSegments("/account")
               && !path.StartsWithSegments("/status") && !path.StartsWithSegments("/culture");
    }

    private static async Task<bool> IsCurrent(HttpContext http)
    {
        // The claim types from the options, not from a UserManager: resolving one builds the accounts' DbContext, and
        // on most requests the stamp comes from the cache.
        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        if (http.User.FindFirstValue(claims.UserIdClaimType) is not { } id) return false;
        var stamp = http.User.FindFirstValue(claims.SecurityStampClaimType);
        var current = await http.RequestServices.GetRequiredService<SessionStamps>().CurrentAsync(id, http.RequestServices);
        return current is not null && string.Equals(stamp, current, StringComparison.Ordinal);
    }
}

/// <summary>
/// Each account's current security stamp (null: no such account, or disabled), remembered for
/// <see cref="SessionCheck.CheckedEvery"/>; this node forgets it at once when it changes it (<see cref="Forget"/>).
/// </summary>
public sealed class SessionStamps(IMemoryCache cache)
{
    public async Task<string?> CurrentAsync(string userId, IServiceProvider services)
    {
        var key = Key(userId);
        if (cache.TryGetValue(key, out string? stamp)) return stamp;
        var users = services.GetRequiredService<UserManager<AgriLinkUser>>();
        var user = await users.FindByIdAsync(userId);
        stamp = user is null || await users.IsLockedOutAsync(user) ? null : await users.GetSecurityStampAsync(user);
        cache.Set(key, stamp, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = SessionCheck.CheckedEvery, Size = 1 });
        return stamp;
    }

    public void Forget(string userId) => cache.Remove(Key(userId));

    private static string Key(string userId) => "agrilink:stamp:" + userId;
}

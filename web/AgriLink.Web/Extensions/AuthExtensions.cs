using System.Threading.RateLimiting;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace AgriLink.Web.Extensions;

public static class AuthExtensions
{
    public const string SignInRateLimit = "sign-in";
    public const string RefreshRateLimit = "refresh";
    /// <summary>The policy of the 防返贫监测 pages: county and township officers and village cadres (each page then checks the area).</summary>
    public const string MonitoringStaff = "monitoring-staff";
    private const string PageOrApiChallenge = "AgriLink.PageOrApi";

    /// <summary>
    /// Identity with cookies for pages and bearer tokens for the API, lockout after repeated
    /// failures, a policy per role, and a per-address limit on sign-in attempts.
    /// </summary>
    public static WebApplicationBuilder AddAgriLinkAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityApiEndpoints<AgriLinkUser>(o =>
            {
                // Failures lock per (account, address), progressively (SignInGuard); Identity's account-wide lockout is not
                // triggered by failures (an operator's own lock of an account still refuses it).
                o.Lockout.AllowedForNewUsers = true;
                // Length and a list of the most common passwords (CommonPasswords), not character classes: a villager's
                // long phrase is stronger than "Aa1!" rules make people pick, and easier to keep (NIST SP 800-63B).
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityStore>()
            .AddPasswordValidator<Accounts.CommonPasswords>()
            // In place of Identity's authenticator provider (same name): each code is accepted once.
            .AddTokenProvider<Accounts.OneTimeAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider);
        // After Identity's bearer options (registered above), so it wraps the token format they made.
        CachedBearerTickets.Use(builder.Services);
        // Identity's API scheme challenges with the bearer handler (a bare 401); a person opening a page signed out is
        // sent to the sign-in form instead, and comes back to the page after signing in. The API keeps its 401.
        builder.Services.AddAuthentication().AddPolicyScheme(PageOrApiChallenge, null, o => o.ForwardDefaultSelector = http =>
            PipelineExtensions.IsPageRequest(http) ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme);
        builder.Services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(o => o.DefaultChallengeScheme = PageOrApiChallenge);

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.Cookie.Name = "agrilink";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = ProxyExtensions.CookieSecurity(builder.Configuration);
            o.SlidingExpiration = true;
            // The API answers with status codes; only pages redirect to the sign-in form.
            o.Events.OnRedirectToLogin = c => ApiStatusOr(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiStatusOr(c, StatusCodes.Status403Forbidden);
        });

        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var role in Roles.All)
            authorization.AddPolicy(role, p => p.RequireAuthenticatedUser().RequireRole(role));
        authorization.AddPolicy(MonitoringStaff, p => p.RequireAuthenticatedUser().RequireRole(Roles.MonitoringStaff));

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            // Attempts are posts: opening the sign-in form again (a page reload, a canteen's office behind one address) is not one.
            o.AddPolicy(SignInRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = builder.Configuration.GetValue("AgriLink:SignInAttemptsPerMinute", 10),
                        Window = TimeSpan.FromMinutes(1),
                    })
                : RateLimitPartition.GetNoLimiter("form"));
            // Refreshing a token is not a sign-in attempt: its own budget, so a busy client never spends the sign-in one.
            o.AddPolicy(RefreshRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = builder.Configuration.GetValue("AgriLink:RefreshesPerMinute", 60),
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        builder.Services.AddSingleton<SignInFailures>();
        builder.Services.AddScoped<SignInGuard>();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "agrilink-af";
            o.Cookie.SecurePolicy = ProxyExtensions.CookieSecurity(builder.Configuration);
        });
        return builder;
    }

    private static Task ApiStatusOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c, int status)
    {
        if (c.Request.Path.StartsWithSegments("/api"))
            c.Response.StatusCode = status;
        else
            c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }
}

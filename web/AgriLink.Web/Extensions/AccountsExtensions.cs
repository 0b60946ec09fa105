using AgriLink.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgriLink.Web.Extensions;

public static class AccountsExtensions
{
    /// <summary>
    /// Invitations, activation, password change and reset, two-factor sign-in and session checks (<c>AgriLink:Accounts</c>).
    /// One-time codes go out through <see cref="ISmsSender"/> and <see cref="IEmailSender"/>: register a real gateway's
    /// implementation before this call (it is kept); by default they are only logged.
    /// </summary>
    public static WebApplicationBuilder AddAgriLinkAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section)
            .Validate(o => o.InvitationLifetime > TimeSpan.Zero && o.ResetCodeLifetime > TimeSpan.Zero, "Code lifetimes must be positive.")
            .ValidateOnStart();
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddScoped<InvitationRules>();
        builder.Services.AddScoped<SignInHistory>();
        builder.Services.AddSingleton<TwoFactorRequirement>();
        builder.Services.AddSingleton<SessionStamps>();
        builder.Services.TryAddSingleton<LoggingMessageSender>();
        builder.Services.TryAddSingleton<ISmsSender>(s => s.GetRequiredService<LoggingMessageSender>());
        builder.Services.TryAddSingleton<IEmailSender>(s => s.GetRequiredService<LoggingMessageSender>());
        builder.Services.AddMemoryCache();
        // Cookies re-check the account's security stamp every minute (Identity's default is 30); SessionCheck does it
        // for bearer tokens too.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return builder;
    }
}

using AgriLink.Web.Accounts;
using AgriLink.Web.Apis;
using AgriLink.Web.Extensions;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace AgriLink.Web.Pages.Account;

/// <summary>Setting a new password with a one-time reset code (sent by SMS, or on paper from an administrator).</summary>
[EnableRateLimiting(AuthExtensions.SignInRateLimit)]
public sealed class ResetModel(AccountService accounts) : AgriLinkPage
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public ActivatedAccount? Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        Done = Value<ActivatedAccount>(await AccountsApi.ResetPassword(new PasswordResetRequest(Code, NewPassword), accounts));
        return Page();
    }
}
